package dev.paygo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.testing.TestBackend;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost and nothing is counted twice, whatever moment the server dies at: producers send
 * batches of uniquely identified events and retry each batch until it is acknowledged, while the server is killed
 * with SIGKILL at random moments and restarted on the same database. At the end the stored totals equal
 * everything sent, exactly, through the API and in the database.
 */
class CrashLoopIT {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int PRODUCERS = 4;
    private static final int EVENTS_PER_BATCH = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> send(PaygoProcess paygo, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(paygo.baseUrl() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void killedAtRandomTheServerLosesAndDoublesNothing() throws Exception {
        int kills = Suite.pick(5, 50);
        Random random = new Random(Suite.seed(20261201));
        try (TestBackend backend = TestBackend.create()) {
            Path log = Suite.tempFile("paygo-crash-loop", ".log");
            PaygoProcess paygo = PaygoProcess.start(backend.jdbcUrl(), log, "384m", Map.of(), "--rate-limit", "0");
            try {
                String account = MAPPER.readTree(send(paygo, "POST", "/accounts", PaygoProcess.OPERATOR_TOKEN,
                        "{\"name\": \"Crash loop\"}").body()).at("/result/id").asText();
                String writer = MAPPER.readTree(send(paygo, "POST", "/accounts/" + account + "/tokens",
                        PaygoProcess.OPERATOR_TOKEN, "{\"name\": \"producer\", \"policies\": [{\"effect\": \"allow\", "
                                + "\"permission_groups\": [{\"id\": \"09181cd7b2355e7f254fd16cbc8293c3\"}], \"resources\": "
                                + "{\"com.cloudflare.api.account." + account + "\": \"*\"}}]}").body())
                        .at("/result/value").asText();

                AtomicBoolean killing = new AtomicBoolean(true);
                AtomicLong failedAttempts = new AtomicLong();
                ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
                List<Future<long[]>> producers = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    int producer = p;
                    producers.add(pool.submit(() -> produce(paygo, account, writer, producer, killing, failedAttempts)));
                }
                for (int k = 0; k < kills; k++) {
                    Thread.sleep(300 + random.nextInt(1200));
                    paygo.kill();
                    paygo.restart();
                }
                killing.set(false);
                long events = 0;
                long quantity = 0;
                long batches = 0;
                for (Future<long[]> producer : producers) {
                    long[] sent = producer.get();
                    batches += sent[0];
                    events += sent[1];
                    quantity += sent[2];
                }
                pool.shutdown();

                BigDecimal consumed = consumedThroughTheApi(paygo, account);
                paygo.close();
                long[] stored = storedInTheDatabase(backend.jdbcUrl(), account);
                assertThat(consumed).as("ConsumedQuantity through the API").isEqualByComparingTo(BigDecimal.valueOf(quantity));
                assertThat(stored[0]).as("raw events stored").isEqualTo(events);
                assertThat(stored[1]).as("rollup totals").isEqualTo(quantity);
                assertThat(stored[2]).as("rollup event counts").isEqualTo(events);
                Suite.record("crash-loop", "kills=" + kills + " batches=" + batches + " events=" + events
                        + " quantity=" + quantity + " failed-attempts-retried=" + failedAttempts.get()
                        + " stored-events=" + stored[0] + " stored-quantity=" + stored[1]);
            } finally {
                paygo.close();
            }
        }
    }

    /**
     * Sends batches until the killing stops (and at least three), each retried until acknowledged; returns
     * {batches, events, quantity} acknowledged.
     */
    private long[] produce(PaygoProcess paygo, String account, String token, int producer, AtomicBoolean killing,
                           AtomicLong failedAttempts) throws InterruptedException {
        long batches = 0;
        long events = 0;
        long quantity = 0;
        while (killing.get() || batches < 3) {
            StringJoiner body = new StringJoiner(",", "[", "]");
            long batchQuantity = 0;
            String timestamp = Instant.now().minusSeconds(1).toString();
            for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                long q = (batches * 7 + i) % 1000 + 1;
                batchQuantity += q;
                body.add("{\"id\": \"p" + producer + "-b" + batches + "-e" + i + "\", \"metric\": \"workers.requests\", "
                        + "\"quantity\": " + q + ", \"timestamp\": \"" + timestamp + "\"}");
            }
            while (true) {
                try {
                    HttpResponse<String> answer = send(paygo, "POST", "/accounts/" + account + "/usage/events", token,
                            body.toString());
                    if (answer.statusCode() == 200) {
                        break;
                    }
                    assertThat(answer.statusCode()).as(answer.body()).isGreaterThanOrEqualTo(500);
                } catch (IOException e) {
                    // the server died under the request: send the same batch again
                }
                failedAttempts.incrementAndGet();
                Thread.sleep(50);
            }
            batches++;
            events += EVENTS_PER_BATCH;
            quantity += batchQuantity;
        }
        return new long[] {batches, events, quantity};
    }

    private BigDecimal consumedThroughTheApi(PaygoProcess paygo, String account) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode records = MAPPER.readTree(send(paygo, "GET", "/accounts/" + account + "/billing/usage/paygo?from="
                + today.minusDays(1) + "&to=" + today, PaygoProcess.OPERATOR_TOKEN, null).body()).get("result");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode record : records) {
            total = total.add(record.get("ConsumedQuantity").decimalValue());
        }
        return total;
    }

    /** {raw events, sum of rollup units, sum of rollup event counts} of the account, read with plain JDBC. */
    private static long[] storedInTheDatabase(String jdbcUrl, String account) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            long events;
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(*) FROM usage_events WHERE account_id = '" + account + "'")) {
                rows.next();
                events = rows.getLong(1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT COALESCE(SUM(quantity_units), 0), "
                    + "COALESCE(SUM(quantity_atto), 0), COALESCE(SUM(event_count), 0) FROM usage_rollups WHERE account_id = '"
                    + account + "'")) {
                rows.next();
                assertThat(rows.getLong(2)).isZero();
                return new long[] {events, rows.getLong(1), rows.getLong(3)};
            }
        }
    }
}
