package dev.paygo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook benchmark: accounts with an ended period of usage are billed by one run while endpoints on a
 * loopback receiver (answering 204 at once) subscribe to every event; each invoice is told twice
 * ({@code invoice.finalized}, {@code invoice.paid}) to each endpoint. Measures the run (to compare with the billing
 * run without webhooks: the outbox rows and the invoice JSON it writes), how fast the deliveries arrive, and how
 * long after the run the last one does.
 */
final class WebhookLoad {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One measured run. */
    record Result(int accounts, int endpoints, long deliveries, long duplicates, double runSeconds,
                  double deliverySeconds, double lagSeconds, long backlogAtRunEnd, long peakResidentMb) {
        /** How fast the backlog left when the run ended drained (the dispatcher alone). */
        double drainPerSecond() {
            return lagSeconds > 0 ? backlogAtRunEnd / lagSeconds : Double.NaN;
        }

        double invoicesPerSecond() {
            return accounts / runSeconds;
        }

        double deliveriesPerSecond() {
            return deliveries / deliverySeconds;
        }
    }

    private WebhookLoad() {
    }

    static Result run(Path jar, String databaseUrl, int port, int accounts, int endpoints) throws Exception {
        LocalDate periodEnd = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        AtomicLong firstNanos = new AtomicLong();
        AtomicLong lastNanos = new AtomicLong();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        receiver.setExecutor(threads);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            firstNanos.compareAndSet(0, now);
            lastNanos.set(now);
            seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("webhook-id"));
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            try (ServerProcess setup = ServerProcess.start(jar, databaseUrl, port, "384m", "--late-event-days", "60",
                    "--webhook-allow-private")) {
                for (int i = 0; i < endpoints; i++) {
                    String answer = BillingLoad.post(setup, "POST", "/webhooks", "{\"url\": \"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/endpoint-" + i + "\", \"enabled_events\": [\"*\"]}");
                    if (!answer.contains("\"success\":true")) {
                        throw new IllegalStateException("webhook registration refused: " + answer);
                    }
                }
                List<String> metrics = BillingLoad.metricIds(setup.baseUrl());
                List<String> ids = BillingLoad.open(setup, accounts, periodEnd);
                Suite.log("webhooks: loading a period of usage of " + BillingLoad.METRICS + " metrics for " + accounts
                        + " accounts");
                BillingLoad.load(setup, ids, metrics, periodEnd);
            }
            return measure(jar, databaseUrl, port, accounts, endpoints, firstNanos, lastNanos, seen, received);
        } finally {
            receiver.stop(0);
            threads.shutdownNow();
        }
    }

    /** A fresh server (its memory high-water mark is the run's), one billing run, and every delivery it causes. */
    private static Result measure(Path jar, String databaseUrl, int port, int accounts, int endpoints,
                                  AtomicLong firstNanos, AtomicLong lastNanos, Set<String> seen, AtomicLong received)
            throws Exception {
        try (ServerProcess server = ServerProcess.start(jar, databaseUrl, port, "384m", "--late-event-days", "60",
                "--webhook-allow-private")) {
            long before = server.peakResidentMegabytes();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/billing/runs")).header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN)
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            long runEnded = System.nanoTime();
            long atRunEnd = seen.size();
            JsonNode report = MAPPER.readTree(answer.body()).get("result");
            if (answer.statusCode() != 200 || report.get("invoices_issued").asLong() != accounts) {
                throw new IllegalStateException("the billing run answered " + answer.statusCode() + " " + answer.body());
            }
            double runSeconds = Duration.between(java.time.Instant.parse(report.get("started_at").asText()),
                    java.time.Instant.parse(report.get("finished_at").asText())).toNanos() / 1e9;
            long expected = 2L * accounts * endpoints;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (seen.size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen.size() + " of " + expected + " deliveries arrived");
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long peak = Math.max(before, server.peakResidentMegabytes());
            return new Result(accounts, endpoints, expected, received.get() - seen.size(), runSeconds,
                    (lastNanos.get() - firstNanos.get()) / 1e9, Math.max(0, lastNanos.get() - runEnded) / 1e9,
                    expected - atRunEnd, peak);
        }
    }
}
