package dev.paygo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ingestion load against a running paygo on loopback: C connections each send batches of B events for a
 * fixed time, with a share of repeated events (duplicates) and of late events (days back). Reports
 * acknowledged events per second, batch latency p50/p99 and errors, then checks that the totals paygo
 * stored equal what it acknowledged, exactly.
 *
 * <p>Usage: {@code IngestLoad BASE_URL OPERATOR_TOKEN CONNECTIONS BATCH SECONDS ACCOUNTS}
 */
public final class IngestLoad {
    private static final String[] METRICS = {"workers.requests", "workers.cpu_ms", "kv.keys_read", "kv.keys_written",
            "r2.standard.class_a", "r2.standard.class_b", "d1.rows_read", "d1.rows_written",
            "durable_objects.requests", "workers_ai.neurons"};
    /** The text between an event's id and its quantity, per metric. */
    private static final String[] METRIC_FIELD = Arrays.stream(METRICS)
            .map(m -> "\",\"metric\":\"" + m + "\",\"quantity\":").toArray(String[]::new);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * What a tagged event adds: one of 4 zones and a team (3) and environment (2) tag, 24 allocation groups per
     * account, metric and day, chosen by the event's id so a repeat carries the same.
     */
    private static final String[] TAGS = tagSuffixes();

    private static String[] tagSuffixes() {
        String[] zones = {"0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a", "1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b",
                "2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c", "3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d"};
        String[] teams = {"search", "billing", "edge"};
        String[] envs = {"prod", "dev"};
        String[] out = new String[zones.length * teams.length * envs.length];
        int i = 0;
        for (String zone : zones) {
            for (String team : teams) {
                for (String env : envs) {
                    out[i++] = ",\"zone_id\":\"" + zone + "\",\"tags\":{\"team\":\"" + team + "\",\"env\":\""
                            + env + "\"}";
                }
            }
        }
        return out;
    }

    /**
     * RFC 3339 texts of the times events are sent with, made once each: the load generator shares the cores with
     * the server it measures, so it should spend as little as it can per event.
     */
    private static final class Timestamps {
        private final Instant now;
        private final String[] bySecond = new String[3600];
        private final String[] byMinute = new String[20 * 1440];

        Timestamps(Instant now) {
            this.now = now;
        }

        /** Up to an hour back by the second, beyond that by the minute. */
        String of(long secondsAgo) {
            String[] cache = secondsAgo < bySecond.length ? bySecond : byMinute;
            int slot = (int) (secondsAgo < bySecond.length ? secondsAgo : secondsAgo / 60);
            String text = cache[slot];
            if (text == null) {
                text = now.minusSeconds(secondsAgo).toString();
                cache[slot] = text;
            }
            return text;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int connections = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int accountCount = Integer.parseInt(args[5]);
        Result result = run(base, token, connections, batch, seconds, accountCount);
        System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result.summary()));
        if (!result.verified()) {
            System.exit(1);
        }
    }

    /** What one run measured. */
    public record Result(long events, double seconds, long batches, long errors, long p50Micros, long p99Micros,
                         long duplicatesSent, boolean verified) {
        public double eventsPerSecond() {
            return events / seconds;
        }

        Map<String, Object> summary() {
            return Map.of("acknowledged_events", events, "seconds", seconds, "events_per_second",
                    Math.round(eventsPerSecond()), "batches", batches, "errors", errors, "batch_latency_p50_ms",
                    p50Micros / 1000.0, "batch_latency_p99_ms", p99Micros / 1000.0, "duplicates_sent", duplicatesSent,
                    "stored_totals_match", verified);
        }
    }

    public static Result run(String base, String token, int connections, int batch, int seconds, int accountCount)
            throws Exception {
        return run(base, token, connections, batch, seconds, accountCount, false);
    }

    /** @param tagged whether every event carries a zone and two tags (cost allocation) */
    public static Result run(String base, String token, int connections, int batch, int seconds, int accountCount,
                             boolean tagged) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/accounts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            accounts.add(MAPPER.readTree(created.body()).at("/result/id").asText());
        }
        // What paygo acknowledged as new, per account and metric: the exact totals it must have stored.
        Map<String, LongAdder> expected = new ConcurrentHashMap<>();
        LongAdder acknowledged = new LongAdder();
        LongAdder duplicatesSent = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicLong batches = new AtomicLong();
        long[][] latencies = new long[connections][];
        // The server under test runs on the real clock, so event times are relative to the wall clock too.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            final int worker = c;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(worker);
                Timestamps times = new Timestamps(now);
                long[] lat = new long[1 << 20];
                int count = 0;
                long sequence = 0;
                Map<String, List<long[]>> sentTo = new java.util.HashMap<>();
                while (System.nanoTime() < deadline && count < lat.length) {
                    String account = accounts.get(random.nextInt(accounts.size()));
                    // Repeats go to the account the event was first sent to: (account, id) is the key.
                    List<long[]> sent = sentTo.computeIfAbsent(account, a -> new ArrayList<>());
                    StringBuilder body = new StringBuilder(batch * 120).append('[');
                    long[] perMetric = new long[METRICS.length];
                    int fresh = 0;
                    for (int i = 0; i < batch; i++) {
                        boolean repeat = !sent.isEmpty() && random.nextInt(100) < 5;
                        long id;
                        int metric;
                        long quantity;
                        long secondsAgo;
                        if (repeat) {
                            long[] old = sent.get(random.nextInt(sent.size()));
                            id = old[0];
                            metric = (int) old[1];
                            quantity = old[2];
                            secondsAgo = old[3];
                            duplicatesSent.increment();
                        } else {
                            id = sequence++;
                            metric = random.nextInt(METRICS.length);
                            quantity = 1 + random.nextInt(1000);
                            // 5% late events: up to 20 days back (whole minutes).
                            secondsAgo = random.nextInt(100) < 5 ? 60L * random.nextInt(20 * 1440)
                                    : random.nextInt(3600);
                            if (sent.size() < 20_000) {
                                sent.add(new long[] {id, metric, quantity, secondsAgo});
                            }
                            perMetric[metric] += quantity;
                            fresh++;
                        }
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"id\":\"w").append(worker).append('-').append(id).append(METRIC_FIELD[metric])
                                .append(quantity).append(",\"timestamp\":\"").append(times.of(secondsAgo))
                                .append('"').append(tagged ? TAGS[(int) (id % TAGS.length)] : "").append('}');
                    }
                    body.append(']');
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create(base + "/accounts/" + account + "/usage/events"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        lat[count++] = (System.nanoTime() - t0) / 1000;
                        batches.incrementAndGet();
                        if (response.statusCode() != 200) {
                            errors.increment();
                            continue;
                        }
                        JsonNode result = MAPPER.readTree(response.body()).get("result");
                        long accepted = result.get("accepted").asLong();
                        acknowledged.add(accepted);
                        if (accepted != fresh) {
                            errors.increment();
                        }
                        for (int m = 0; m < METRICS.length; m++) {
                            if (perMetric[m] > 0) {
                                expected.computeIfAbsent(account + "/" + METRICS[m], k -> new LongAdder())
                                        .add(perMetric[m]);
                            }
                        }
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
                latencies[worker] = Arrays.copyOf(lat, count);
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Latencies all = new Latencies(latencies);
        long p50 = all.percentile(0.5);
        long p99 = all.percentile(0.99);
        boolean verified = verify(http, base, token, accounts, expected, now);
        return new Result(acknowledged.sum(), elapsed, batches.get(), errors.sum(), p50, p99, duplicatesSent.sum(),
                verified && errors.sum() == 0);
    }

    /** Sums ConsumedQuantity per account and metric over the last 21 days and compares with the ledger. */
    private static boolean verify(HttpClient http, String base, String token, List<String> accounts,
                                  Map<String, LongAdder> expected, Instant now) throws Exception {
        String to = now.toString().substring(0, 10);
        String from = now.minus(Duration.ofDays(21)).toString().substring(0, 10);
        boolean ok = true;
        for (String account : accounts) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/accounts/" + account
                            + "/billable-usage?from=" + from + "&to=" + to)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            Map<String, BigDecimal> stored = new java.util.HashMap<>();
            for (JsonNode record : MAPPER.readTree(response.body()).get("result")) {
                String key = account + "/" + record.get("ChargeDescription").asText().replaceAll(".*\\((.*)\\)", "$1");
                stored.merge(key, new BigDecimal(record.get("ConsumedQuantity").asText()), BigDecimal::add);
            }
            for (String metric : METRICS) {
                String key = account + "/" + metric;
                BigDecimal want = BigDecimal.valueOf(expected.getOrDefault(key, new LongAdder()).sum());
                BigDecimal got = stored.getOrDefault(key, BigDecimal.ZERO);
                if (want.compareTo(got) != 0) {
                    System.err.println("MISMATCH " + key + ": acknowledged " + want + ", stored " + got);
                    ok = false;
                }
            }
        }
        return ok;
    }
}
