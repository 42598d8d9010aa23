package dev.paygo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dense usage data and the usage-query load: accounts with {@link #METRICS} metrics on each of 31 days, and
 * clients asking {@code GET /billing/usage/paygo} for a 31-day window.
 */
final class QueryLoad {
    static final int METRICS = 50;
    static final int DAYS = 31;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Standalone: {@code QueryLoad BASE_URL OPERATOR_TOKEN EVENTS SECONDS}: loads 10 accounts, then queries. */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        HttpClient http = HttpClient.newHttpClient();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/accounts"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"q" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            accounts.add(MAPPER.readTree(created.body()).at("/result/id").asText());
        }
        load(base, token, accounts, metricIds(base, token), 0, Long.parseLong(args[2]));
        System.out.println(measure(base, token, accounts, 8, Integer.parseInt(args[3])));
    }

    /** What the query load measured. */
    record Result(double requestsPerSecond, double p50Ms, double p99Ms, long errors, int recordsPerAnswer) {
    }

    static List<String> metricIds(String base, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> catalog = http.send(HttpRequest.newBuilder(URI.create(base + "/billing/catalog"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        MAPPER.readTree(catalog.body()).at("/result/metrics").forEach(m -> {
            if (!m.get("versions").get(0).get("effective_from").asText().startsWith("2026-12")) {
                ids.add(m.get("id").asText());
            }
        });
        return ids.subList(0, METRICS);
    }

    /**
     * Sends {@code events} events (ids from {@code firstId}) spread evenly over the accounts, the metrics and
     * the last 31 days, in 1,000-event batches on 8 connections.
     */
    static void load(String base, String token, List<String> accounts, List<String> metrics, long firstId,
                     long events) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong next = new AtomicLong(firstId);
        long end = firstId + events;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Thread> threads = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                long from;
                while ((from = next.getAndAdd(1000)) < end) {
                    long to = Math.min(end, from + 1000);
                    int account = (int) ((from / 1000) % accounts.size());
                    StringBuilder body = new StringBuilder(120_000).append('[');
                    for (long id = from; id < to; id++) {
                        if (id > from) {
                            body.append(',');
                        }
                        int metric = (int) (id % metrics.size());
                        long day = (id / metrics.size()) % DAYS;
                        body.append("{\"id\":\"q").append(id).append("\",\"metric\":\"").append(metrics.get(metric))
                                .append("\",\"quantity\":").append(1 + id % 7).append(",\"timestamp\":\"")
                                .append(today.minusDays(day)).append("T00:00:01Z\"}");
                    }
                    body.append(']');
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/accounts/" + accounts.get(account) + "/usage/events"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " load batches failed");
        }
    }

    /** {@code connections} clients query random accounts' last 31 days for {@code seconds}. */
    static Result measure(String base, String token, List<String> accounts, int connections, int seconds)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String window = "?from=" + today.minusDays(DAYS - 1) + "&to=" + today;
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[connections][];
        AtomicLong errors = new AtomicLong();
        int[] records = new int[1];
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            final int worker = c;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(worker);
                long[] lat = new long[1 << 20];
                int count = 0;
                while (System.nanoTime() < deadline && count < lat.length) {
                    String account = accounts.get(random.nextInt(accounts.size()));
                    long t0 = System.nanoTime();
                    try {
                        // As Cloudflare's SDKs do (fetch): accept gzip, and read the whole answer.
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/accounts/" + account + "/billing/usage/paygo" + window))
                                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        byte[] body = response.body();
                        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                            body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))
                                    .readAllBytes();
                        }
                        lat[count++] = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (records[0] == 0) {
                            records[0] = MAPPER.readTree(body).get("result").size();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                latencies[worker] = Arrays.copyOf(lat, count);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Latencies all = new Latencies(latencies);
        return new Result(all.count() / elapsed, all.percentile(0.5) / 1e6, all.percentile(0.99) / 1e6, errors.get(),
                records[0]);
    }
}
