package dev.paygo.client.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paygo.client.errors.ApiError;
import dev.paygo.client.errors.PaygoException;
import dev.paygo.client.errors.PaygoInvalidDataException;
import dev.paygo.client.errors.PaygoIoException;
import dev.paygo.client.errors.PaygoServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends {@link ApiRequest}s: authentication and default headers, JSON envelopes, error mapping, and retries
 * with exponential backoff and jitter that honour {@code Retry-After} and {@code retry-after-ms}.
 *
 * <p>Only requests that are safe to send twice are retried: GET, PUT and DELETE, and POST and PATCH with an
 * {@code Idempotency-Key}, which every POST and PATCH carries (one per call, the same on every attempt), so the
 * server answers a retry of a request it already ran with its first answer instead of running it again.
 * Retried: connection errors, 408, 429 and 5xx; never other 4xx (409 included), unless the server says
 * {@code x-should-retry: true}; never when it says {@code x-should-retry: false}. Thread-safe.
 */
public final class ClientCore implements AutoCloseable {
    /** The SDK's one JSON mapper: exact decimals, unknown fields tolerated. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final String USER_AGENT = "paygo-java/0.1.0";
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final ClientOptions options;
    private final HttpClient http;

    public ClientCore(ClientOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
    }

    public ClientOptions options() {
        return options;
    }

    /** Sends the request, retrying as configured; returns the envelope's result or throws. */
    public ApiResponse execute(ApiRequest call) {
        ApiRequest request = takesIdempotencyKey(call.method()) && call.idempotencyKey().isEmpty()
                ? call.idempotencyKey("paygo-java-" + UUID.randomUUID()) : call;
        boolean safeToRepeat = request.idempotencyKey().isPresent() || idempotent(request.method());
        int attempt = 0;
        while (true) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(build(request, attempt), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!safeToRepeat || attempt >= options.maxRetries()) {
                    throw new PaygoIoException(request.method() + " " + request.pathAndQuery() + " failed after "
                            + (attempt + 1) + " attempt(s): " + e, e);
                }
                pause(backoff(attempt));
                attempt++;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaygoIoException("interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return success(response);
            }
            if (safeToRepeat && shouldRetry(status, response.headers()) && attempt < options.maxRetries()) {
                pause(retryAfter(response.headers()).orElse(backoff(attempt)));
                attempt++;
                continue;
            }
            throw PaygoServiceException.of(status, response.headers(), errors(response.body()));
        }
    }

    /**
     * Sends a GET whose answer is a file (an export) and streams its body to {@code file}, replacing it; an error
     * answer throws as {@link #execute} does and leaves {@code file} as it was. Not retried: an export can be long.
     */
    public java.nio.file.Path download(ApiRequest request, java.nio.file.Path file) {
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(build(request, 0), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new PaygoIoException(request.method() + " " + request.pathAndQuery() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaygoIoException("interrupted", e);
        }
        try (java.io.InputStream body = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                throw PaygoServiceException.of(status, response.headers(), errors(body.readAllBytes()));
            }
            java.nio.file.Path partial = file.resolveSibling(file.getFileName() + ".part");
            try {
                java.nio.file.Files.copy(body, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                java.nio.file.Files.deleteIfExists(partial);
                throw e;
            }
            return java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PaygoIoException("reading the export of " + request.pathAndQuery() + " failed: " + e, e);
        }
    }

    private HttpRequest build(ApiRequest request, int attempt) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(options.baseUrl() + request.pathAndQuery()))
                .timeout(options.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-Paygo-Retry-Count", Integer.toString(attempt));
        options.apiToken().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        if (options.apiToken().isEmpty()) {
            options.apiEmail().ifPresent(e -> builder.header("X-Auth-Email", e));
            options.apiKey().ifPresent(k -> builder.header("X-Auth-Key", k));
        }
        request.idempotencyKey().ifPresent(k -> builder.header("Idempotency-Key", k));
        options.headers().forEach(builder::header);
        request.contentType().ifPresent(t -> builder.header("Content-Type", t));
        builder.method(request.method(), request.body().map(HttpRequest.BodyPublishers::ofByteArray)
                .orElse(HttpRequest.BodyPublishers.noBody()));
        return builder.build();
    }

    /** The server's {@code x-should-retry} decides; else 408, 429 and 5xx are worth another attempt. */
    static boolean shouldRetry(int status, HttpHeaders headers) {
        Optional<String> told = headers.firstValue("x-should-retry");
        if (told.isPresent()) {
            return told.get().equalsIgnoreCase("true");
        }
        return status == 408 || status == 429 || status >= 500;
    }

    /** Methods whose repetition has the effect of one request. */
    static boolean idempotent(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("PUT") || method.equals("DELETE")
                || method.equals("OPTIONS");
    }

    /** Methods that carry an {@code Idempotency-Key}, so that they too can be retried. */
    static boolean takesIdempotencyKey(String method) {
        return method.equals("POST") || method.equals("PATCH");
    }

    private Duration backoff(int attempt) {
        long base = Math.min(MAX_BACKOFF.toMillis(), INITIAL_BACKOFF.toMillis() << Math.min(attempt, 10));
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (base * jitter));
    }

    /** The wait a server asked for: {@code retry-after-ms}, or {@code Retry-After} in seconds or as a date. */
    private Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<Duration> wait = headers.firstValue("retry-after-ms").flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        if (wait.isEmpty()) {
            wait = headers.firstValue("retry-after").flatMap(v -> {
                try {
                    return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
                } catch (NumberFormatException e) {
                    try {
                        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                        return Optional.of(Duration.between(options.clock().instant(), at.toInstant()));
                    } catch (DateTimeParseException ignored) {
                        return Optional.empty();
                    }
                }
            });
        }
        return wait.filter(d -> !d.isNegative() && d.compareTo(MAX_RETRY_AFTER) <= 0);
    }

    private void pause(Duration duration) {
        try {
            options.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaygoIoException("interrupted while waiting to retry", e);
        }
    }

    private static ApiResponse success(HttpResponse<byte[]> response) {
        JsonNode envelope;
        try {
            envelope = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new PaygoInvalidDataException("the answer is not JSON (HTTP " + response.statusCode() + ")", e);
        }
        if (envelope == null || !envelope.isObject() || !envelope.has("result")) {
            throw new PaygoInvalidDataException("the answer is not a Cloudflare envelope with a result");
        }
        return new ApiResponse(envelope.get("result"), envelope.path("result_info"), response.headers());
    }

    private static List<ApiError> errors(byte[] body) {
        List<ApiError> errors = new ArrayList<>();
        try {
            JsonNode envelope = MAPPER.readTree(body);
            if (envelope != null) {
                for (JsonNode error : envelope.path("errors")) {
                    JsonNode pointer = error.path("source").path("pointer");
                    errors.add(new ApiError(error.path("code").asInt(), error.path("message").asText(),
                            pointer.isTextual() ? pointer.asText() : null));
                }
            }
        } catch (IOException e) {
            // not an envelope: the status alone tells what happened
        }
        return errors;
    }

    /**
     * An instant as RFC 3339 text with its seconds always written ({@code OffsetDateTime.toString()} leaves out
     * seconds of zero, {@code 12:00Z}, which RFC 3339 and paygo refuse).
     */
    public static String rfc3339(java.time.OffsetDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }

    /** Writes a value as JSON bytes. */
    public static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new PaygoException("cannot write the request as JSON", e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of Java 17 has no close(): its threads end when it is unreachable.
    }
}
