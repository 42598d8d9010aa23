package dev.paygo.rating;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * SQLite and PostgreSQL answer the same usage with byte-identical JSON: each backend's run compares its
 * answers with the same committed files in {@code src/test/resources/golden}. To regenerate them after an
 * intended change, run with {@code -Dpaygo.golden.write=true} and review the diff.
 */
class RecordsGoldenIT {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void usageRecordsAreTheSameJsonOnEveryBackend() throws IOException {
        try (TestServer server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-10T08:00:00Z"))
                .withLateEventDays(60))) {
            String account = server.createAccount("Golden", "2025-01-31T00:00:00Z");
            String writer = server.createToken(account, USAGE_WRITE);
            String reader = server.createToken(account, BILLING_READ);
            StringJoiner events = new StringJoiner("\n");
            String[] metrics = {"workers.requests", "workers.cpu_ms", "r2.standard.storage", "r2.standard.class_a",
                    "kv.stored_data", "durable_objects.duration", "workers_ai.neurons", "browser_run.browser_hours"};
            String[] quantities = {"1900000.5", "4100000", "0.0366666666666667", "180001", "0.123456789", "41000.25",
                    "12345", "0.75"};
            int n = 0;
            for (int day = 1; day <= 36; day++) {
                String date = java.time.LocalDate.parse("2025-02-01").plusDays(day).toString();
                for (int m = 0; m < metrics.length; m++) {
                    events.add("{\"id\": \"g" + (n++) + "\", \"metric\": \"" + metrics[m] + "\", \"quantity\": \""
                            + quantities[m] + "\", \"timestamp\": \"" + date + "T0" + (m % 10) + ":15:00Z\"}");
                }
            }
            Reply sent = server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer)
                    .headers("Content-Type", "application/x-ndjson")
                    .body(events.toString().getBytes(StandardCharsets.UTF_8)).send();
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);

            compare("paygo-usage.json", server.http().call("GET", "/accounts/" + account
                    + "/billing/usage/paygo?from=2025-02-20&to=2025-03-09").bearer(reader).send(), account);
            compare("billable-usage.json", server.http().call("GET", "/accounts/" + account
                    + "/billable-usage?last_year_period_start=2025&last_month_period_start=2").bearer(reader).send(),
                    account);
        }
    }

    private static void compare(String file, Reply reply, String account) throws IOException {
        assertThat(reply.status()).isEqualTo(200);
        String body = reply.raw().body().replace(account, "ACCOUNT_ID")
                .replaceAll("\"SubscriptionId\":\"[0-9A-Z]{26}\"", "\"SubscriptionId\":\"SUBSCRIPTION_ID\"");
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("paygo.golden.write")) {
            Files.writeString(golden, body + "\n");
        }
        assertThat(body + "\n").isEqualTo(Files.readString(golden));
    }
}
