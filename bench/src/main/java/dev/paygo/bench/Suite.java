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
 * <p>Usage: {@code Suite PAYGO_JAR OUTPUT_MD [quick]}
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
        int ingestSeconds = quick ? 5 : 20;
        long small = quick ? 50_000 : 1_000_000;
        long large = quick ? 500_000 : 10_000_000;
        StringBuilder md = new StringBuilder();
        Report report = new Report(md);
        report.header(quick);

        Path folder = Files.createTempDirectory("paygo-bench");
        String sqliteUrl = "jdbc:sqlite:" + folder.resolve("paygo.db");
        log("SQLite: ingestion load");
        IngestLoad.Result sqliteIngest;
        double sqliteRaw;
        QueryLoad.Result sqliteQ1;
        QueryLoad.Result sqliteQ10;
        long sqliteRss;
        try (ServerProcess server = ServerProcess.start(jar, sqliteUrl, 8801, "384m")) {
            IngestLoad.Result ingest = IngestLoad.run(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, 8, 1000,
                    ingestSeconds, 20);
            long rss = server.residentMegabytes();
            log("SQLite: raw insert baseline");
            double raw = Baselines.rawInsertRate("jdbc:sqlite:" + folder.resolve("raw.db"), quick ? 50_000 : 300_000);
            report.ingestion("SQLite", ingest, raw, rss);
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
            IngestLoad.Result ingest = IngestLoad.run(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, 8, 1000,
                    ingestSeconds, 20);
            long rss = server.residentMegabytes();
            log("PostgreSQL: raw insert baseline");
            double raw = Baselines.rawInsertRate(pgUrl, quick ? 50_000 : 300_000);
            report.ingestion("PostgreSQL", ingest, raw, rss);
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

        log("JMH micro-benchmarks");
        Collection<RunResult> jmh = new Runner(new OptionsBuilder()
                .include(RatingBench.class.getSimpleName()).include(JsonBench.class.getSimpleName())
                .forks(1).warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1)).build()).run();
        report.jmh(jmh);
        report.footer();
        Files.writeString(output, md.toString());
        log("wrote " + output);
    }

    /** The query load: wrk where it is installed (bench/run.sh installs it), else the Java client. */
    private static QueryLoad.Result query(ServerProcess server, List<String> accounts) throws Exception {
        QueryLoad.Result java = QueryLoad.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 5);
        return Wrk.available()
                ? Wrk.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 15, java.recordsPerAnswer())
                : QueryLoad.measure(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, accounts, 8, 15);
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

    private static void log(String message) {
        System.err.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), message);
    }
}
