package dev.paygo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback for tests: records every request it gets (path, headers, exact body) and answers
 * each path as the test says — a status, after an optional wait (to look slow or time out).
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a path answers its {@code nth} request (1-based): the status to answer; it may sleep first. */
    public interface Behaviour {
        int answer(int nth) throws InterruptedException;
    }

    /** One request received; header names in lower case; {@code receivedAt} by the receiver's clock. */
    public record Received(String path, Map<String, String> headers, String body, Instant receivedAt) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String id() {
            return headers.get("webhook-id");
        }

        public String type() {
            return json().get("type").asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private final Clock clock;

    private WebhookReceiver(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int nth = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            received.add(new Received(path, headers, body, clock.instant()));
            int status;
            try {
                status = behaviours.getOrDefault(path, n -> 204).answer(nth);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 503;
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException e) {
                // the sender gave up waiting (a timeout): nothing to answer
            }
            exchange.close();
        });
        server.start();
    }

    /** A receiver that notes when each request arrived by {@code clock} (the server's, to check timestamps). */
    public static WebhookReceiver start(Clock clock) {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void on(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
    }

    /** Every request received at {@code path} so far, in arrival order. */
    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until {@code path} has received at least {@code count} requests (up to {@code timeout}); returns them. */
    public List<Received> await(String path, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (at(path).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " received " + at(path).size() + " requests, not " + count
                        + ", within " + timeout + ": " + at(path));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return at(path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
