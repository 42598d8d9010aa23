package dev.paygo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small real HTTP client for tests: sends requests on loopback and parses JSON answers. Every answer is checked
 * against the API's contract ({@link Contract}): one that breaks it fails the test that received it.
 */
public final class Http {
    /** Decimals stay exact, as a careful client reads money and quantities. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A request builder; headers are name/value pairs. */
    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Reply get(String path, String... headers) {
        return call("GET", path).headers(headers).send();
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private boolean checkRequest = true;
        private byte[] body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call headers(String... nameValues) {
            headers.addAll(List.of(nameValues));
            return this;
        }

        public Call bearer(String token) {
            return headers("Authorization", "Bearer " + token);
        }

        public Call json(String json) {
            body = json.getBytes(StandardCharsets.UTF_8);
            return headers("Content-Type", "application/json");
        }

        /**
         * Leaves the request (its body and query) out of the contract check, for one the server rightly takes but
         * the document does not describe or the schema validator cannot read (say why at the call); the answer is
         * still checked.
         */
        public Call requestBeyondTheDocument() {
            checkRequest = false;
            return this;
        }

        public Call body(byte[] bytes) {
            body = bytes;
            return this;
        }

        /** The value of a request header this call sets, or null. */
        private String header(String name) {
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    return headers.get(i + 1);
                }
            }
            return null;
        }

        public Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                String contentEncoding = response.headers().firstValue("Content-Encoding").orElse(null);
                if (checkRequest) {
                    boolean plainBody = body != null && header("Content-Encoding") == null;
                    Contract.get().check(method, response.uri(), response.statusCode(), contentType, contentEncoding,
                            response.body(), header("Content-Type"),
                            plainBody ? new String(body, StandardCharsets.UTF_8) : null);
                } else {
                    Contract.get().check(method, response.uri(), response.statusCode(), contentType, contentEncoding,
                            response.body());
                }
                return new Reply(response.statusCode(), response, parse(response.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? MAPPER.missingNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(body);
        }
    }

    /** An answer: status, headers and the parsed JSON body. */
    public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode result() {
            return json.get("result");
        }

        /** The first error's code, or -1. */
        public int errorCode() {
            JsonNode errors = json.path("errors");
            return errors.isArray() && errors.size() > 0 ? errors.get(0).path("code").asInt() : -1;
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }
}
