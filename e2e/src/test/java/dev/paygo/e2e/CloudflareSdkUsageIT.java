package dev.paygo.e2e;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.e2e.CloudflareSdk.Outcome;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cloudflare's TypeScript SDKs 6.2.0 and 7.3.0 read the usage records paygo metered and rated. */
class CloudflareSdkUsageIT {
    private static TestServer server;
    private static String account;
    private static String reader;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-03T12:00:00Z")));
        account = server.createAccount("SDK Usage", "2025-02-01T00:00:00Z");
        reader = server.createToken(account, BILLING_READ);
        String writer = server.createToken(account, USAGE_WRITE);
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int day = 1; day <= 28; day++) {
            String ts = "2025-02-%02dT09:30:00Z".formatted(day);
            events.add("{\"id\": \"r" + day + "\", \"metric\": \"workers.requests\", \"quantity\": 535714, "
                    + "\"timestamp\": \"" + ts + "\"}");
            events.add("{\"id\": \"s" + day + "\", \"metric\": \"r2.standard.storage\", \"quantity\": 0.5, "
                    + "\"timestamp\": \"" + ts + "\"}");
        }
        Reply sent = server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer)
                .json(events.toString()).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CloudflareSdk sdk() {
        return CloudflareSdk.withToken(server.checkedBaseUrl(), reader);
    }

    private static JsonNode lastOf(JsonNode records, String serviceName) {
        JsonNode last = null;
        for (JsonNode record : records) {
            if (record.get("ServiceName").asText().equals(serviceName)) {
                last = record;
            }
        }
        return last;
    }

    @Test
    void sdk6ReadsTheSeedRecordsOfAMonth() {
        Outcome outcome = sdk().call("billing.usage.paygo",
                Map.of("account_id", account, "from", "2025-02-01", "to", "2025-02-28"));
        assertThat(outcome.ok()).as(String.valueOf(outcome.error())).isTrue();
        JsonNode records = outcome.result();
        assertThat(records.size()).isEqualTo(56);
        JsonNode requests = lastOf(records, "Workers Standard Requests");
        assertThat(requests.get("CumulatedPricingQuantity").asLong()).isEqualTo(14_999_992L);
        // 4,999,992 billable requests at $0.30 per million = 1.4999976, rounded once to 6 places.
        assertThat(requests.get("CumulatedContractedCost").decimalValue()).isEqualByComparingTo("1.499998");
        assertThat(requests.get("BillingPeriodStart").asText()).isEqualTo("2025-02-01T00:00:00Z");
        assertThat(requests.get("ChargePeriodStart").asText()).isEqualTo("2025-02-28T00:00:00Z");
        assertThat(requests.get("ChargePeriodEnd").asText()).isEqualTo("2025-03-01T00:00:00Z");
        JsonNode storage = lastOf(records, "R2 Storage (Standard)");
        assertThat(storage.get("CumulatedPricingQuantity").asInt()).isEqualTo(14);
        assertThat(storage.get("CumulatedContractedCost").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(storage.get("ConsumedUnit").asText()).isEqualTo("GB-month");

        Reply raw = server.http().call("GET", "/accounts/" + account + "/billing/usage/paygo?from=2025-02-01&to=2025-02-28")
                .bearer(reader).send();
        assertSameRecords(records, raw.result());
    }

    /** Same records field by field; numbers compared as decimals (JavaScript writes 0.000000 as 0). */
    private static void assertSameRecords(JsonNode sdk, JsonNode raw) {
        assertThat(sdk.size()).isEqualTo(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            JsonNode expected = raw.get(i);
            JsonNode actual = sdk.get(i);
            assertThat(actual.size()).isEqualTo(expected.size());
            expected.fieldNames().forEachRemaining(field -> {
                JsonNode e = expected.get(field);
                JsonNode a = actual.get(field);
                if (e.isNumber()) {
                    assertThat(a.decimalValue()).as(field).isEqualByComparingTo(e.decimalValue());
                } else {
                    assertThat(a.asText()).as(field).isEqualTo(e.asText());
                }
            });
        }
    }

    @Test
    void sdk6ReportsABadWindowAsBadRequest() {
        Outcome outcome = sdk().call("billing.usage.paygo",
                Map.of("account_id", account, "from", "2025-01-01", "to", "2025-03-31"));
        assertThat(outcome.errorName()).isEqualTo("BadRequestError");
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.errorCode()).isEqualTo(1183);
    }

    @Test
    void sdk7ReadsTheFocusRecordsThroughPaygoAndGetAccountUsageV1() {
        for (String method : new String[] {"billing.usage.paygo", "billing.usage.getAccountUsageV1"}) {
            Outcome outcome = sdk().version(CloudflareSdk.V7).call(method,
                    Map.of("account_id", account, "from", "2025-02-01", "to", "2025-02-28"));
            assertThat(outcome.ok()).as(method + " " + outcome.error()).isTrue();
            JsonNode requests = lastOf(outcome.result(), "Workers Standard Requests");
            assertThat(requests.get("ServiceFamilyName").asText()).isEqualTo("Workers");
            assertThat(requests.get("BillingAccountId").asText()).isEqualTo(account);
            assertThat(requests.get("BillingAccountName").asText()).isEqualTo("SDK Usage");
            assertThat(requests.get("PricingUnit").asText()).isEqualTo("request");
            assertThat(requests.get("ChargeCategory").asText()).isEqualTo("Usage");
            assertThat(requests.get("BilledCost").decimalValue()).isEqualByComparingTo(
                    requests.get("ContractedCost").decimalValue());
            assertThat(requests.get("CumulatedContractedCost").decimalValue()).isEqualByComparingTo("1.499998");
            assertThat(requests.get("SubscriptionId").asText()).matches("[0-9A-Z]{26}");
        }
    }

    @Test
    void sdk7ReadsTheUsageInfo() {
        for (String method : new String[] {"billing.usage.getAccountUsageInfoV1", "billing.usage.paygoInfo"}) {
            Outcome outcome = sdk().version(CloudflareSdk.V7).call(method, Map.of("account_id", account));
            assertThat(outcome.ok()).as(method + " " + outcome.error()).isTrue();
            assertThat(outcome.result().get("covered").asBoolean()).isTrue();
            JsonNode subscription = outcome.result().get("subscriptions").get(0);
            assertThat(subscription.get("id").asText()).matches("[0-9A-Z]{26}");
            assertThat(subscription.get("billing_cycle_anchor_timestamp").asText()).isEqualTo("2025-02-01T00:00:00Z");
        }
    }

    @Test
    void sdk7GetsPermissionDeniedForAnotherAccountsUsage() {
        String other = server.createAccount("Other");
        Outcome outcome = sdk().version(CloudflareSdk.V7).call("billing.usage.paygo", Map.of("account_id", other));
        assertThat(outcome.errorName()).isEqualTo("PermissionDeniedError");
        assertThat(outcome.errorCode()).isEqualTo(10000);
    }
}
