package dev.paygo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The billing-run benchmark: accounts with a whole period of usage of 20 metrics each (one event per metric and
 * day) and a card that succeeds, billed by {@code POST /billing/runs} against a paygo process that was started
 * fresh for the run (so its memory high-water mark is the run's). Two groups of accounts are billed by two runs
 * — a quarter, then the rest — to show that a run's time grows with the accounts it bills: the first group's
 * period ended twelve days ago and is billed alone under a seven-day invoice grace, the second's three days ago.
 */
final class BillingLoad {
    static final int METRICS = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One measured run. */
    record Run(int accounts, long invoices, double seconds, long peakResidentMb, long succeeded) {
        double invoicesPerSecond() {
            return invoices / seconds;
        }
    }

    /** The two runs of one backend, and how many usage events (one per daily rollup) the accounts had. */
    record Result(long events, Run first, Run second) {
    }

    private BillingLoad() {
    }

    static Result run(Path jar, String databaseUrl, int port, int accounts) throws Exception {
        int first = accounts / 4;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long events;
        try (ServerProcess server = ServerProcess.start(jar, databaseUrl, port, "384m", "--late-event-days", "60")) {
            List<String> metrics = metricIds(server.baseUrl());
            List<String> early = open(server, first, today.minusDays(12));
            List<String> late = open(server, accounts - first, today.minusDays(3));
            Suite.log("billing: loading a period of usage of " + METRICS + " metrics for " + accounts + " accounts");
            events = load(server, early, metrics, today.minusDays(12)) + load(server, late, metrics, today.minusDays(3));
        }
        Run a = measure(jar, databaseUrl, port, first, "P7D");
        Run b = measure(jar, databaseUrl, port, accounts - first, "PT1H");
        return new Result(events, a, b);
    }

    /** A fresh server, one billing run, its time and the process's memory high-water mark. */
    private static Run measure(Path jar, String databaseUrl, int port, int expected, String grace) throws Exception {
        try (ServerProcess server = ServerProcess.start(jar, databaseUrl, port, "384m", "--late-event-days", "60",
                "--invoice-grace", grace)) {
            long before = server.peakResidentMegabytes();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/billing/runs")).header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN)
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode report = MAPPER.readTree(answer.body()).get("result");
            if (answer.statusCode() != 200 || report.get("invoices_issued").asLong() != expected) {
                throw new IllegalStateException("the billing run answered " + answer.statusCode() + " "
                        + answer.body() + " (expected " + expected + " invoices)");
            }
            double seconds = Duration.between(Instant.parse(report.get("started_at").asText()),
                    Instant.parse(report.get("finished_at").asText())).toNanos() / 1e9;
            long peak = Math.max(before, server.peakResidentMegabytes());
            return new Run(expected, report.get("invoices_issued").asLong(), seconds, peak,
                    report.path("payments").path("succeeded").asLong());
        }
    }

    /** Metrics metered on every day of the last two months (none retired or new meanwhile). */
    static List<String> metricIds(String base) throws Exception {
        HttpResponse<String> catalog = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/billing/catalog"))
                .header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(60);
        MAPPER.readTree(catalog.body()).at("/result/metrics").forEach(m -> {
            boolean started = !LocalDate.parse(m.get("versions").get(0).get("effective_from").asText()).isAfter(from);
            if (started && !m.hasNonNull("retired_from")) {
                ids.add(m.get("id").asText());
            }
        });
        Collections.sort(ids);
        return ids.subList(0, METRICS);
    }

    /** Opens accounts whose current period started on {@code periodEnd} (anchored there), each with a card. */
    static List<String> open(ServerProcess server, int count, LocalDate periodEnd) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            ids.add(pool.submit(() -> {
                String id = MAPPER.readTree(post(server, "POST", "/accounts", "{\"name\": \"bill " + n + "\", "
                        + "\"billing_cycle_anchor\": \"" + periodEnd + "T00:00:00Z\"}")).at("/result/id").asText();
                post(server, "PUT", "/accounts/" + id + "/billing/profile", "{\"payment_gateway\": \"test\", "
                        + "\"card_number\": \"4242424242424242\", \"card_expiry_month\": 12, \"card_expiry_year\": 2099}");
                return id;
            }));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> id : ids) {
            out.add(id.get());
        }
        pool.shutdown();
        return out;
    }

    /** One event per account, metric and day of the period before {@code periodEnd}; returns how many. */
    static long load(ServerProcess server, List<String> accounts, List<String> metrics, LocalDate periodEnd)
            throws Exception {
        LocalDate start = periodEnd.minusMonths(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicLong sent = new AtomicLong();
        List<Future<?>> batches = new ArrayList<>();
        int perBatch = Math.max(1, 5_000 / (METRICS * 31));
        for (int from = 0; from < accounts.size(); from += perBatch) {
            List<String> batch = accounts.subList(from, Math.min(accounts.size(), from + perBatch));
            batches.add(pool.submit(() -> {
                StringBuilder body = new StringBuilder(600_000).append('[');
                long n = 0;
                for (String account : batch) {
                    for (LocalDate day = start; day.isBefore(periodEnd); day = day.plusDays(1)) {
                        for (int m = 0; m < metrics.size(); m++) {
                            body.append(n++ == 0 ? "" : ",").append("{\"id\":\"b").append(day).append('-').append(m)
                                    .append("\",\"account_id\":\"").append(account).append("\",\"metric\":\"")
                                    .append(metrics.get(m)).append("\",\"quantity\":").append(100_000 + m * 1_000)
                                    .append(",\"timestamp\":\"").append(day).append("T12:00:00Z\"}");
                        }
                    }
                }
                String answer = post(server, "POST", "/usage/events", body.append(']').toString());
                if (!answer.contains("\"success\":true")) {
                    throw new IllegalStateException("usage refused: " + answer.substring(0, Math.min(400,
                            answer.length())));
                }
                sent.addAndGet(n);
                return null;
            }));
        }
        for (Future<?> batch : batches) {
            batch.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return sent.get();
    }

    static String post(ServerProcess server, String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN)
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
