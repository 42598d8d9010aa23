package dev.paygo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.db.Database;
import dev.paygo.testing.TestBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Secrets never rest in clear: after a session that creates tokens (also through Idempotency-Key replays and by
 * other tokens), users with global keys and profiles with full card numbers, and that uses and mistypes them,
 * the server's log (at DEBUG) and every byte of the database hold no token value (also one signed in to the console),
 * console session cookie, global key or full card
 * number.
 */
class SecretsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BILLING_READ = "7cf72faf220841aabcfdfab81c43c4f6";
    private static final String BILLING_WRITE = "6c80e02421494afc9ae14414ed442632";
    private static final String USAGE_WRITE = "09181cd7b2355e7f254fd16cbc8293c3";

    @Test
    void noSecretIsLoggedOrStoredInClear() throws Exception {
        try (TestBackend backend = TestBackend.create()) {
            Path log = Suite.tempFile("paygo-secrets", ".log");
            List<String> secrets = new ArrayList<>();
            String hostedToken;
            try (PaygoProcess paygo = PaygoProcess.start(backend.jdbcUrl(), log, "384m",
                    Map.of("PAYGO_LOG_LEVEL", "DEBUG"), "--rate-limit", "0")) {
                String base = paygo.baseUrl();
                String account = Api.createAccount(base, "Secrets");
                String writer = Api.createToken(base, account, BILLING_READ, BILLING_WRITE).get("value").asText();
                String producer = Api.createToken(base, account, USAGE_WRITE).get("value").asText();
                secrets.add(writer);
                secrets.add(producer);

                String keyed = "{\"name\": \"keyed\", \"policies\": [{\"effect\": \"allow\", \"permission_groups\": "
                        + "[{\"id\": \"" + BILLING_READ + "\"}], \"resources\": {\"com.cloudflare.api.account." + account
                        + "\": \"*\"}}]}";
                Api.Answer first = Api.call(base, "POST", "/accounts/" + account + "/tokens", writer, keyed,
                        "Idempotency-Key", "secrets-1");
                Api.Answer replay = Api.call(base, "POST", "/accounts/" + account + "/tokens", writer, keyed,
                        "Idempotency-Key", "secrets-1");
                assertThat(replay.result().get("value").asText()).isEqualTo(first.result().get("value").asText());
                secrets.add(first.result().get("value").asText());

                JsonNode user = Api.call(base, "POST", "/users", PaygoProcess.OPERATOR_TOKEN,
                        "{\"email\": \"keeper@example.com\"}").result();
                String key = user.get("api_key").asText();
                secrets.add(key);
                Api.call(base, "POST", "/accounts/" + account + "/members", PaygoProcess.OPERATOR_TOKEN,
                        "{\"email\": \"keeper@example.com\", \"permission_groups\": [{\"id\": \"" + BILLING_WRITE + "\"}]}");

                for (String card : List.of("4242 4242 4242 4242", "5555555555554444")) {
                    Api.Answer stored = Api.call(base, "PATCH", "/accounts/" + account + "/billing/profile", writer,
                            "{\"card_number\": \"" + card + "\", \"card_expiry_month\": 12, \"card_expiry_year\": 2099}",
                            "Idempotency-Key", "card-" + card.replace(" ", ""));
                    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
                }
                secrets.addAll(List.of("4242424242424242", "4242 4242 4242 4242", "5555555555554444"));
                Api.call(base, "PUT", "/accounts/" + account + "/billing/profile", writer,
                        "{\"card_number\": \"4000 0566 5566 5556\", \"card_expiry_month\": 1, \"card_expiry_year\": 2099, "
                                + "\"cvv\": \"123\"}");
                secrets.addAll(List.of("4000056655665556", "4000 0566 5566 5556"));

                // Use, mistype and verify them; a token made by a token; usage under a key.
                Api.call(base, "GET", "/accounts/" + account + "/billing/profile", null, null,
                        "X-Auth-Email", "keeper@example.com", "X-Auth-Key", key);
                Api.call(base, "GET", "/accounts/" + account + "/billing/profile", swapCase(writer), null);
                Api.call(base, "GET", "/user/tokens/verify", writer, null);
                Api.call(base, "GET", "/user/tokens/verify", writer + "x", null);
                Api.call(base, "GET", "/accounts/" + account + "/billing/profile", null, null,
                        "X-Auth-Email", "keeper@example.com", "X-Auth-Key", key.substring(1) + "0");
                JsonNode child = Api.call(base, "POST", "/accounts/" + account + "/tokens", writer, keyed).result();
                secrets.add(child.get("value").asText());
                Api.call(base, "POST", "/accounts/" + account + "/usage/events", producer,
                        "[{\"id\": \"s1\", \"metric\": \"workers.requests\", \"quantity\": 3, \"timestamp\": \""
                                + Instant.now().minusSeconds(5) + "\"}]", "Idempotency-Key", "usage-secret-1");
                secrets.add(PaygoProcess.OPERATOR_TOKEN);

                // The console: a token signed in through the form, and the session cookie it gets.
                String session = Api.consoleSession(base, writer);
                secrets.add(session);
                assertThat(Api.consolePage(base, "/accounts/" + account, session).statusCode()).isEqualTo(200);

                // A hosted invoice's link is a capability: opened, it must not land in the log (the database keeps it
                // to write hosted_invoice_url).
                String billed = Api.call(base, "POST", "/accounts", PaygoProcess.OPERATOR_TOKEN, "{\"name\": \"Billed\", "
                        + "\"billing_cycle_anchor\": \"" + Instant.now().minus(Duration.ofDays(40)) + "\"}").result()
                        .get("id").asText();
                String meter = Api.createToken(base, billed, USAGE_WRITE).get("value").asText();
                Api.call(base, "POST", "/accounts/" + billed + "/usage/events", meter, "[{\"id\": \"b1\", \"metric\": "
                        + "\"workers.requests\", \"quantity\": 20000000, \"timestamp\": \""
                        + Instant.now().minus(Duration.ofDays(20)) + "\"}]");
                Api.call(base, "POST", "/billing/runs", PaygoProcess.OPERATOR_TOKEN, "{}");
                String hosted = Api.call(base, "GET", "/accounts/" + billed + "/invoices", PaygoProcess.OPERATOR_TOKEN,
                        null).result().get(0).get("hosted_invoice_url").asText();
                HttpResponse<String> invoicePage = HTTP.send(HttpRequest.newBuilder(URI.create(hosted.replace("localhost",
                        "127.0.0.1"))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(invoicePage.statusCode()).isEqualTo(200);
                hostedToken = hosted.substring(hosted.lastIndexOf('/') + 1);
            }
            String logged = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertThat(logged).as("the server's log").contains("request");
            String stored = databaseContent(backend.jdbcUrl());
            assertThat(stored).as("the database").contains("keeper@example.com");
            assertThat(logged).as("the log holds a hosted invoice's link").doesNotContain(hostedToken);
            for (String secret : secrets) {
                assertThat(logged).as("the log holds a secret").doesNotContain(secret);
                assertThat(stored).as("the database holds a secret").doesNotContain(secret);
            }
            Suite.record("secrets-scan", "secrets=" + secrets.size() + " log-bytes=" + logged.length()
                    + " database-bytes=" + stored.length() + " found=0");
        }
    }

    /** Every byte of the SQLite file (and its WAL), or every row of every table of the PostgreSQL schema, as text. */
    private static String databaseContent(String jdbcUrl) throws Exception {
        Optional<Path> file = Database.sqliteFile(jdbcUrl);
        if (file.isPresent()) {
            StringBuilder all = new StringBuilder(new String(Files.readAllBytes(file.get()), StandardCharsets.ISO_8859_1));
            Path wal = Path.of(file.get() + "-wal");
            if (Files.exists(wal)) {
                all.append(new String(Files.readAllBytes(wal), StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        }
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema()")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT CAST(t AS TEXT) FROM \"" + table + "\" t")) {
                    while (rows.next()) {
                        all.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    private static String swapCase(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }
}
