package dev.paygo.catalog;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the catalog decides for a running server: retired metrics and the currencies accounts may bill in. */
class CatalogIT {
    private static final String TWO_CURRENCIES = """
            currencies: [USD, JPY]
            provider: Test
            metrics:
              - id: api.calls
                family: API
                name: API calls
                consumed_unit: call
                pricing_unit: call
                pricing_unit_size: 1
                pricing_rounding: up
                versions:
                  - effective_from: 2025-01-01
                    included: 1000
                    block_size: 1000
                    tiers:
                      - price: {USD: "0.0123", JPY: "1.85"}
            """;

    @TempDir
    Path folder;

    private static Reply send(TestServer server, String account, String token, String metric, String day) {
        return server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(token).json(
                "[{\"id\": \"" + metric + day + "\", \"metric\": \"" + metric + "\", \"quantity\": 7, \"timestamp\": \""
                        + day + "T10:00:00Z\"}]").send();
    }

    @Test
    void workersLogsEventsAreRefusedFromTheFirstOfDecember2026() {
        try (TestServer server = TestServer.start(c -> c.withClock(MutableClock.at("2026-12-03T12:00:00Z")))) {
            String account = server.createAccount("Logs", "2026-11-15T00:00:00Z");
            String writer = server.createToken(account, USAGE_WRITE);
            Reply retired = send(server, account, writer, "workers_logs.events_written", "2026-12-01");
            assertThat(retired.status()).isEqualTo(400);
            assertThat(retired.json().at("/errors/0/source/pointer").asText()).isEqualTo("/0/metric");
            assertThat(retired.json().at("/errors/0/message").asText()).contains("is retired from 2026-12-01");
            assertThat(send(server, account, writer, "workers_logs.events_written", "2026-11-30").status()).isEqualTo(200);
            assertThat(send(server, account, writer, "observability.ingestion", "2026-12-01").status()).isEqualTo(200);

            Reply catalog = server.http().call("GET", "/billing/catalog").bearer(writer).send();
            for (JsonNode metric : catalog.result().get("metrics")) {
                if (metric.get("id").asText().equals("workers_logs.events_written")) {
                    assertThat(metric.get("retired_from").asText()).isEqualTo("2026-12-01");
                }
            }
        }
    }

    @Test
    void aYenAccountIsPricedFromTheYenPriceListWithTheYensDecimals() throws IOException {
        Path file = Files.writeString(folder.resolve("catalog.yaml"), TWO_CURRENCIES);
        try (TestServer server = TestServer.start(c -> c.withCatalogFile(Optional.of(file))
                .withClock(MutableClock.at("2025-03-05T12:00:00Z")))) {
            Reply created = server.asOperator("POST", "/accounts").json(
                    "{\"name\": \"Yen\", \"billing_currency\": \"JPY\", \"billing_cycle_anchor\": \"2025-03-01T00:00:00Z\"}").send();
            assertThat(created.status()).isEqualTo(201);
            String account = created.result().get("id").asText();
            String writer = server.createToken(account, USAGE_WRITE);
            server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer).json(
                    "[{\"id\": \"a\", \"metric\": \"api.calls\", \"quantity\": 4500, \"timestamp\": \"2025-03-02T10:00:00Z\"}]")
                    .send();
            Reply records = server.http().call("GET", "/accounts/" + account + "/billing/usage/paygo?from=2025-03-01&to=2025-03-05")
                    .bearer(server.createToken(account, BILLING_READ)).send();
            JsonNode record = records.result().get(0);
            assertThat(record.get("BillingCurrency").asText()).isEqualTo("JPY");
            // 3,500 calls beyond the 1,000 included at ¥1.85 per 1,000: ¥6.475, kept to 0 + 4 places.
            assertThat(record.get("ContractedCost").decimalValue()).isEqualByComparingTo("6.4750");
            assertThat(records.raw().body()).contains("\"ContractedCost\":6.4750,");

            Reply catalog = server.asOperator("GET", "/billing/catalog").send();
            assertThat(catalog.result().get("currency").asText()).isEqualTo("USD");
            assertThat(catalog.result().get("currencies")).hasSize(2);
            assertThat(catalog.result().at("/metrics/0/versions/0/tiers/0/prices/JPY").decimalValue())
                    .isEqualByComparingTo("1.85");
            assertThat(server.asOperator("POST", "/accounts").json("{\"name\": \"E\", \"billing_currency\": \"EUR\"}")
                    .send().status()).isEqualTo(400);

            // A catalog without yen prices would misprice the yen account: paygo refuses to start with it.
            assertThatThrownBy(() -> server.reopen(c -> c.withCatalogFile(Optional.empty())))
                    .isInstanceOf(InvalidCatalogException.class)
                    .hasMessageContaining("does not price in JPY");
        }
    }
}
