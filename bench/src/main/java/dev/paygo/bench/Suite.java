package dev.paygo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark, one command: ingestion and query load against paygo processes on SQLite and PostgreSQL,
 * the storage baselines, and the JMH micro-benchmarks; writes {@code docs/benchmarks.md}.
 *
 * <p>Usage: {@code Suite PAYGO_JAR OUTPUT_MD [quick]}, or {@code Suite PAYGO_JAR - webhooks} for the webhook
 * benchmark alone (printed).
 */
public final class Suite {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path output = Path.of(args[1]);
        boolean quick = args.length > 2 && args[2].equals("quick");
        if (args.length > 2 && args[2].equals("webhooks")) {
            webhooksOnly(jar);
            return;
        }
        if (args.length > 2 && args[2].equals("console")) {
            ConsoleLoad.Result r = ConsoleLoad.run(jar, 8809, 200);
            System.out.printf(Locale.ROOT, "console on SQLite, %d events over 365 days, %d invoices, overview HTML %d "
                    + "bytes%n  server render (HTTP, ms): overview p50 %.1f p95 %.1f; usage explorer p50 %.1f (a "
                    + "year of one metric: %.1f); invoices p50 %.1f%n  Chromium (ms from navigation): first contentful paint p50 %.0f p95 %.0f; "
                    + "chart drawn p50 %.0f p95 %.0f%n", r.events(), r.invoices(), r.htmlBytes(), r.overviewP50(),
                    r.overviewP95(), r.usageP50(), r.usageYearP50(), r.invoicesP50(), r.paintP50(), r.paintP95(), r.chartP50(),
                    r.chartP95());
            return;
        }
        if (args.length > 2 && args[2].equals("tags")) {
            // Optionally an earlier build's jar: its ingestion without tags is measured too, for comparison.
            StringBuilder md = new StringBuilder();
            Report report = new Report(md);
            if (args.length > 3) {
                Path folder = Files.createTempDirectory("paygo-bench-before");
                log("SQLite: ingestion on " + args[3]);
                try (ServerProcess server = ServerProcess.start(Path.of(args[3]),
                        "jdbc:sqlite:" + folder.resolve("before.db"), 8808, "384m")) {
                    report.before(args[3], IngestRounds.run(server, 60, 3, 15, false));
                }
            }
            tagged(jar, report, 60, 3, 15);
            System.out.println(md);
            return;
        }
        // The JIT takes about a minute of load to settle on two shared cores: before that a round measures it.
        int warmUpSeconds = quick ? 5 : 60;
        int rounds = quick ? 1 : 3;
        int roundSeconds = quick ? 5 : 15;
        long small = quick ? 50_000 : 1_000_000;
        long large = quick ? 500_000 : 10_000_000;
        StringBuilder md = new StringBuilder();
        Report report = new Report(md);
        report.header(quick);

        Path folder = Files.createTempDirectory("paygo-bench");
        String sqliteUrl = "jdbc:sqlite:" + folder.resolve("paygo.db");
        log("SQLite: ingestion load");
        IngestRounds sqliteIngest;
        double sqliteRaw;
        QueryLoad.Result sqliteQ1;
        QueryLoad.Result sqliteQ10;
        long sqliteRss;
        try (ServerProcess server = ServerProcess.start(jar, sqliteUrl, 8801, "384m")) {
            IngestRounds ingest = IngestRounds.run(server, warmUpSeconds, rounds, roundSeconds);
            long rss = server.residentMegabytes();
            log("SQLite: raw insert baseline");
            String rawUrl = "jdbc:sqlite:" + folder.resolve("raw.db");
            double raw = Baselines.rawInsertRate(rawUrl, quick ? 50_000 : 300_000, rounds);
            double keyed = Baselines.keyedInsertRate(rawUrl, quick ? 50_000 : 300_000, rounds);
            report.ingestion("SQLite", ingest, raw, keyed, rss);
            sqliteIngest = ingest;
            sqliteRaw = raw;

            List<String> accounts = accounts(server, 10);
            List<String> metrics = QueryLoad.metricIds(server.baseUrl(), ServerProcess.OPERATOR_TOKEN);
            log("SQLite: loading " + small + " events for the query load");
            QueryLoad.load(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, metrics, 0, small);
            QueryLoad.Result q1 = query(server, accounts);
            double naive1 = Baselines.naiveQueryMillis(sqliteUrl, accounts.get(0), 5);
            log("SQLite: loading up to " + large + " events");
            QueryLoad.load(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, metrics, small, large - small);
            QueryLoad.Result q10 = query(server, accounts);
            double naive10 = Baselines.naiveQueryMillis(sqliteUrl, accounts.get(0), 3);
            sqliteRss = Math.max(rss, server.residentMegabytes());
            report.queries("SQLite", small, q1, naive1, large, q10, naive10, sqliteRss);
            sqliteQ1 = q1;
            sqliteQ10 = q10;
        }
        report.targets(sqliteIngest, sqliteRaw, sqliteQ1, sqliteQ10, sqliteRss);

        String schema = "bench_" + Instant.now().getEpochSecond();
        execute(PG, "CREATE SCHEMA " + schema);
        String pgUrl = PG + "&currentSchema=" + schema;
        try (ServerProcess server = ServerProcess.start(jar, pgUrl, 8802, "384m")) {
            log("PostgreSQL: ingestion load");
            // Shorter: the PostgreSQL numbers are reported, not held to the targets.
            IngestRounds ingest = IngestRounds.run(server, warmUpSeconds / 2, rounds, roundSeconds * 2 / 3);
            long rss = server.residentMegabytes();
            log("PostgreSQL: raw insert baseline");
            double raw = Baselines.rawInsertRate(pgUrl, quick ? 50_000 : 300_000, rounds);
            double keyed = Baselines.keyedInsertRate(pgUrl, quick ? 50_000 : 300_000, rounds);
            report.ingestion("PostgreSQL", ingest, raw, keyed, rss);
            List<String> accounts = accounts(server, 10);
            List<String> metrics = QueryLoad.metricIds(server.baseUrl(), ServerProcess.OPERATOR_TOKEN);
            log("PostgreSQL: loading " + small + " events for the query load");
            QueryLoad.load(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, metrics, 0, small);
            QueryLoad.Result q1 = query(server, accounts);
            double naive1 = Baselines.naiveQueryMillis(pgUrl, accounts.get(0), 5);
            report.queries("PostgreSQL", small, q1, naive1, 0, null, 0, server.residentMegabytes());
        } finally {
            execute(PG, "DROP SCHEMA " + schema + " CASCADE");
        }

        tagged(jar, report, warmUpSeconds, rounds, roundSeconds);

        int billed = quick ? 400 : 10_000;
        log("SQLite: billing runs over " + billed + " accounts");
        report.billing("SQLite", BillingLoad.run(jar, "jdbc:sqlite:" + folder.resolve("billing.db"), 8803, billed));
        String billingSchema = "bench_billing_" + Instant.now().getEpochSecond();
        execute(PG, "CREATE SCHEMA " + billingSchema);
        try {
            log("PostgreSQL: billing runs over " + billed + " accounts");
            report.billing("PostgreSQL", BillingLoad.run(jar, PG + "&currentSchema=" + billingSchema, 8804, billed));
        } finally {
            execute(PG, "DROP SCHEMA " + billingSchema + " CASCADE");
        }

        int told = quick ? 200 : 2_000;
        log("SQLite: webhooks over " + told + " accounts");
        report.webhooks("SQLite", WebhookLoad.run(jar, "jdbc:sqlite:" + folder.resolve("webhooks0.db"), 8805, told, 0),
                WebhookLoad.run(jar, "jdbc:sqlite:" + folder.resolve("webhooks.db"), 8805, told, 4));
        log("PostgreSQL: webhooks over " + told + " accounts");
        report.webhooks("PostgreSQL", webhooksOnPostgres(jar, told, 0), webhooksOnPostgres(jar, told, 4));

        log("JMH micro-benchmarks");
        Collection<RunResult> jmh = new Runner(new OptionsBuilder()
                .include(RatingBench.class.getSimpleName()).include(JsonBench.class.getSimpleName())
                .include(SdkModelBench.class.getSimpleName())
                .include(CatalogBench.class.getSimpleName())
                .forks(1).warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1)).build()).run();
        report.jmh(jmh);
        report.footer();
        Files.writeString(output, md.toString());
        log("wrote " + output);
    }

    /**
     * Ingestion on SQLite with and without cost-allocation tags, each on a fresh database and server: the same load,
     * every event of the second carrying a zone and two tags.
     */
    private static void tagged(Path jar, Report report, int warmUpSeconds, int rounds, int seconds) throws Exception {
        Path folder = Files.createTempDirectory("paygo-bench-tags");
        IngestRounds plain;
        IngestRounds tagged;
        log("SQLite: ingestion without tags");
        try (ServerProcess server = ServerProcess.start(jar, "jdbc:sqlite:" + folder.resolve("plain.db"), 8807, "384m")) {
            plain = IngestRounds.run(server, warmUpSeconds, rounds, seconds, false);
        }
        log("SQLite: ingestion with a zone and two tags on every event");
        try (ServerProcess server = ServerProcess.start(jar, "jdbc:sqlite:" + folder.resolve("tags.db"), 8807, "384m")) {
            tagged = IngestRounds.run(server, warmUpSeconds, rounds, seconds, true);
        }
        report.tags(plain, tagged);
    }

    /** {@code Suite PAYGO_JAR - webhooks}: the webhook benchmark alone, its tables printed (no file written). */
    private static void webhooksOnly(Path jar) throws Exception {
        StringBuilder md = new StringBuilder();
        Report report = new Report(md);
        Path folder = Files.createTempDirectory("paygo-bench");
        report.webhooks("SQLite", WebhookLoad.run(jar, "jdbc:sqlite:" + folder.resolve("webhooks0.db"), 8805, 2_000, 0),
                WebhookLoad.run(jar, "jdbc:sqlite:" + folder.resolve("webhooks.db"), 8805, 2_000, 4));
        report.webhooks("PostgreSQL", webhooksOnPostgres(jar, 2_000, 0), webhooksOnPostgres(jar, 2_000, 4));
        System.out.println(md);
    }

    /** The webhook benchmark on a schema of its own, dropped afterwards. */
    private static WebhookLoad.Result webhooksOnPostgres(Path jar, int accounts, int endpoints) throws Exception {
        String schema = "bench_webhooks_" + endpoints + "_" + Instant.now().getEpochSecond();
        execute(PG, "CREATE SCHEMA " + schema);
        try {
            return WebhookLoad.run(jar, PG + "&currentSchema=" + schema, 8806, accounts, endpoints);
        } finally {
            execute(PG, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /**
     * The query load: wrk where it is installed (bench/run.sh installs it), else the Java client. A short Java
     * round counts the records of an answer and checks them; a wrk round of 10 s warms the JIT up; the next
     * round of 15 s is reported.
     */
    private static QueryLoad.Result query(ServerProcess server, List<String> accounts) throws Exception {
        QueryLoad.Result java = QueryLoad.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 3);
        if (!Wrk.available()) {
            QueryLoad.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 10);
            return QueryLoad.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 15);
        }
        Wrk.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 10, java.recordsPerAnswer());
        return Wrk.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 15, java.recordsPerAnswer());
    }

    private static List<String> accounts(ServerProcess server, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/accounts"))
                    .header("Authorization", "Bearer " + ServerProcess.OPERATOR_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"query " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ids.add(MAPPER.readTree(created.body()).at("/result/id").asText());
        }
        return ids;
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void log(String message) {
        System.err.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), message);
    }
}
