package dev.paygo.usage;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sending usage and reading the rated records back, as a producer and a FinOps tool would. */
class UsageIT {
    private static final MutableClock CLOCK = MutableClock.at("2025-03-05T12:00:00Z");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK).withMaxBatchEvents(60));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Account(String id, String writer, String reader) {
    }

    private static Account account() {
        String id = server.createAccount("Usage", "2025-02-01T00:00:00Z");
        return new Account(id, server.createToken(id, USAGE_WRITE), server.createToken(id, BILLING_READ));
    }

    private static String event(String id, String metric, String quantity, String timestamp) {
        return "{\"id\": \"" + id + "\", \"metric\": \"" + metric + "\", \"quantity\": " + quantity
                + ", \"timestamp\": \"" + timestamp + "\"}";
    }

    private static Reply send(Account account, String body, String contentType) {
        return server.http().call("POST", "/accounts/" + account.id() + "/usage/events").bearer(account.writer())
                .headers("Content-Type", contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .send();
    }

    private static Reply records(Account account, String query) {
        return server.http().call("GET", "/accounts/" + account.id() + "/billing/usage/paygo" + query)
                .bearer(account.reader()).send();
    }

    private static JsonNode last(Reply records, String serviceName) {
        JsonNode found = null;
        for (JsonNode record : records.result()) {
            if (record.get("ServiceName").asText().equals(serviceName)) {
                found = record;
            }
        }
        return found;
    }

    @Test
    void publishedWorkersExampleCostsOneFiftyForRequestsAndOneFiftyForCpu() {
        Account account = account();
        // 15,000,000 requests and 105,000,000 CPU ms over February, sent as daily events.
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int day = 1; day <= 28; day++) {
            String ts = "2025-02-%02dT10:00:00Z".formatted(day);
            String requests = day <= 20 ? "750000" : "0";
            events.add(event("req-" + day, "workers.requests", requests, ts));
            events.add(event("cpu-" + day, "workers.cpu_ms", "3750000", ts));
        }
        assertThat(send(account, events.toString(), "application/json").status()).isEqualTo(200);

        Reply reply = records(account, "?last_year_period_start=2025&last_month_period_start=2");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode requests = last(reply, "Workers Standard Requests");
        JsonNode cpu = last(reply, "Workers Standard CPU time");
        assertThat(requests.get("CumulatedPricingQuantity").decimalValue()).isEqualByComparingTo("15000000");
        assertThat(requests.get("CumulatedContractedCost").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(cpu.get("CumulatedPricingQuantity").decimalValue()).isEqualByComparingTo("105000000");
        assertThat(cpu.get("CumulatedContractedCost").decimalValue()).isEqualByComparingTo("1.50");

        BigDecimal requestDays = BigDecimal.ZERO;
        for (JsonNode record : reply.result()) {
            assertThat(record.get("BillingPeriodStart").asText()).isEqualTo("2025-02-01T00:00:00Z");
            assertThat(record.get("BillingCurrency").asText()).isEqualTo("USD");
            if (record.get("ServiceName").asText().equals("Workers Standard Requests")) {
                requestDays = requestDays.add(record.get("ContractedCost").decimalValue());
            }
        }
        assertThat(requestDays).isEqualByComparingTo("1.50");
        JsonNode first = reply.result().get(0);
        assertThat(first.get("ChargePeriodStart").asText()).isEqualTo("2025-02-01T00:00:00Z");
        assertThat(first.get("ChargePeriodEnd").asText()).isEqualTo("2025-02-02T00:00:00Z");
        assertThat(first.get("ContractedCost").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void sendingTheSameBatchTwiceChangesNothing() {
        Account account = account();
        String batch = "[" + event("a", "workers.requests", "100", "2025-03-01T01:00:00Z") + ","
                + event("b", "workers.requests", "200", "2025-03-01T02:00:00Z") + "]";
        Reply first = send(account, batch, "application/json");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.result().get("accepted").asInt()).isEqualTo(2);
        assertThat(first.result().get("duplicates").asInt()).isZero();
        String before = records(account, "?from=2025-03-01&to=2025-03-05").raw().body();

        Reply again = send(account, batch, "application/json");
        assertThat(again.result().get("accepted").asInt()).isZero();
        assertThat(again.result().get("duplicates").asInt()).isEqualTo(2);
        assertThat(records(account, "?from=2025-03-01&to=2025-03-05").raw().body()).isEqualTo(before);
        assertThat(last(records(account, "?from=2025-03-01&to=2025-03-05"), "Workers Standard Requests")
                .get("ConsumedQuantity").decimalValue()).isEqualByComparingTo("300");
    }

    @Test
    void quantitiesStayExactDecimals() {
        Account account = account();
        String batch = "[" + event("x1", "r2.standard.storage", "0.1", "2025-03-02T01:00:00Z") + ","
                + event("x2", "r2.standard.storage", "0.2", "2025-03-02T02:00:00Z") + ","
                + event("x3", "r2.standard.storage", "\"0.000000000000000001\"", "2025-03-02T03:00:00Z") + "]";
        assertThat(send(account, batch, "application/json").status()).isEqualTo(200);
        JsonNode record = records(account, "?from=2025-03-02&to=2025-03-02").result().get(0);
        assertThat(record.get("ConsumedQuantity").asText()).isEqualTo("0.300000000000000001");
        assertThat(record.get("PricingQuantity").asInt()).isEqualTo(1);
        assertThat(record.get("ConsumedUnit").asText()).isEqualTo("GB-month");
    }

    @Test
    void ndjsonAndCloudEventsAreAcceptedToo() {
        Account account = account();
        String ndjson = event("n1", "kv.keys_read", "10", "2025-03-03T01:00:00Z") + "\n\n"
                + event("n2", "kv.keys_read", "5", "2025-03-03T02:00:00Z") + "\n";
        Reply lines = send(account, ndjson, "application/x-ndjson");
        assertThat(lines.status()).as(lines.toString()).isEqualTo(200);
        assertThat(lines.result().get("accepted").asInt()).isEqualTo(2);

        String cloudEvent = """
                {"specversion": "1.0", "id": "ce-1", "source": "//workers/router", "type": "dev.paygo.usage",
                 "subject": "%s", "time": "2025-03-03T03:00:00Z", "datacontenttype": "application/json",
                 "data": {"metric": "kv.keys_read", "quantity": 20}}""".formatted(account.id());
        Reply structured = send(account, cloudEvent, "application/cloudevents+json");
        assertThat(structured.status()).as(structured.toString()).isEqualTo(200);

        String batch = "[" + cloudEvent.replace("ce-1", "ce-2") + "," + cloudEvent.replace("ce-1", "ce-3")
                .replace("\"subject\": \"" + account.id() + "\",", "") + "]";
        Reply batched = send(account, batch, "application/cloudevents-batch+json");
        assertThat(batched.status()).as(batched.toString()).isEqualTo(200);
        assertThat(batched.result().get("accepted").asInt()).isEqualTo(2);

        JsonNode record = records(account, "?from=2025-03-03&to=2025-03-03").result().get(0);
        assertThat(record.get("ConsumedQuantity").asInt()).isEqualTo(75);
    }

    @Test
    void everyBadEventIsReportedWithItsPointerAndNothingIsStored() {
        Account account = account();
        String batch = "[" + event("ok", "workers.requests", "1", "2025-03-04T00:00:00Z") + ","
                + event("neg", "workers.requests", "-1", "2025-03-04T00:00:00Z") + ","
                + event("unknown", "no.such.metric", "1", "2025-03-04T00:00:00Z") + ","
                + event("old", "workers.requests", "1", "2025-01-01T00:00:00Z") + ","
                + event("future", "workers.requests", "1", "2025-03-05T12:10:00Z") + ","
                + "{\"id\": \"bad\", \"metric\": \"workers.requests\", \"quantity\": \"abc\", \"timestamp\": \"yesterday\", \"extra\": 1},"
                + event("precise", "workers.requests", "1.1234567890123456789", "2025-03-04T00:00:00Z") + ","
                + "{\"id\": \"other\", \"account_id\": \"0123456789abcdef0123456789abcdef\", \"metric\": \"workers.requests\", \"quantity\": 1, \"timestamp\": \"2025-03-04T00:00:00Z\"}"
                + "]";
        Reply reply = send(account, batch, "application/json");
        assertThat(reply.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        reply.json().get("errors").forEach(e -> pointers.add(e.at("/source/pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/1/quantity", "/5/quantity", "/5/timestamp", "/5/extra",
                "/6/quantity", "/7/account_id", "/2/metric", "/3/timestamp", "/4/timestamp");
        assertThat(records(account, "?from=2025-03-04&to=2025-03-04").result().size()).isZero();
    }

    @Test
    void tooManyEventsGet413() {
        Account account = account();
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 61; i++) {
            events.add(event("e" + i, "workers.requests", "1", "2025-03-04T00:00:00Z"));
        }
        Reply reply = send(account, events.toString(), "application/json");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().at("/errors/0/message").asText()).contains("60 events");
    }

    @Test
    void sendingNeedsUsageWriteAndReadingNeedsBillingRead() {
        Account account = account();
        Reply withReader = server.http().call("POST", "/accounts/" + account.id() + "/usage/events")
                .bearer(account.reader()).json("[" + event("z", "workers.requests", "1", "2025-03-04T00:00:00Z") + "]")
                .send();
        assertThat(withReader.status()).isEqualTo(403);
        Reply withWriter = server.http().call("GET", "/accounts/" + account.id() + "/billing/usage/paygo")
                .bearer(account.writer()).send();
        assertThat(withWriter.status()).isEqualTo(403);
    }

    @Test
    void multiAccountRouteNeedsUsageWriteOnEveryAccountNamed() {
        Account a = account();
        Account b = account();
        String own = "{\"id\": \"m1\", \"account_id\": \"" + a.id() + "\", \"metric\": \"workers.requests\", "
                + "\"quantity\": 5, \"timestamp\": \"2025-03-04T00:00:00Z\"}";
        String other = own.replace(a.id(), b.id()).replace("m1", "m2");
        Reply denied = server.http().call("POST", "/usage/events").bearer(a.writer()).json("[" + own + "," + other + "]")
                .send();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo(10000);

        Reply ok = server.http().call("POST", "/usage/events").bearer(a.writer()).json("[" + own + "]").send();
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        Reply operator = server.asOperator("POST", "/usage/events").json("[" + other + "]").send();
        assertThat(operator.status()).as(operator.toString()).isEqualTo(200);
        assertThat(records(b, "?from=2025-03-04&to=2025-03-04").result().size()).isEqualTo(1);
    }

    @Test
    void queryParametersAreValidatedByName() {
        Account account = account();
        assertQueryError(account, "?from=2025-03-05&to=2025-03-01", "'from'");
        assertQueryError(account, "?from=2025-01-01&to=2025-03-05", "'to'");
        assertQueryError(account, "?from=2025-03-01", "'to'");
        assertQueryError(account, "?from=2025-3-1&to=2025-03-05", "'from'");
        assertQueryError(account, "?from=2025-03-01&to=2025-03-05&last_year_period_start=2025", "'from'");
        assertQueryError(account, "?last_year_period_start=2025", "'last_month_period_start'");
        assertQueryError(account, "?last_year_period_start=2025&last_month_period_start=13", "'last_month_period_start'");
        assertThat(records(account, "?from=2025-01-03&to=2025-03-05").status()).isEqualTo(200);
        // A parameter the route does not know is ignored, as Cloudflare ignores it: on purpose not in the document.
        Reply unknown = server.http().call("GET", "/accounts/" + account.id() + "/billing/usage/paygo?metric=x")
                .bearer(account.reader()).requestBeyondTheDocument().send();
        assertThat(unknown.status()).isEqualTo(200);
    }

    private static void assertQueryError(Account account, String query, String parameter) {
        Reply reply = records(account, query);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(1183);
        assertThat(reply.json().at("/errors/0/message").asText()).as(query).contains(parameter);
    }

    @Test
    void withoutParametersTheCurrentBillingPeriodIsShown() {
        Account account = account();
        send(account, "[" + event("now", "workers.requests", "7", "2025-03-05T11:00:00Z") + ","
                + event("feb", "workers.requests", "9", "2025-02-28T11:00:00Z") + "]", "application/json");
        Reply reply = records(account, "");
        assertThat(reply.result().size()).isEqualTo(1);
        assertThat(reply.result().get(0).get("BillingPeriodStart").asText()).isEqualTo("2025-03-01T00:00:00Z");
        assertThat(reply.result().get(0).get("ConsumedQuantity").asInt()).isEqualTo(7);
    }

    @Test
    void newerEndpointsCarryTheFocusFieldsAndTheSubscription() {
        Account account = account();
        send(account, "[" + event("f", "r2.standard.class_a", "1000001", "2025-03-04T11:00:00Z") + "]",
                "application/json");
        for (String path : List.of("/paygo-usage", "/billable-usage")) {
            Reply reply = server.http().call("GET", "/accounts/" + account.id() + path + "?from=2025-03-04&to=2025-03-04")
                    .bearer(account.reader()).send();
            assertThat(reply.status()).isEqualTo(200);
            JsonNode record = reply.result().get(0);
            assertThat(record.get("ServiceFamilyName").asText()).isEqualTo("R2");
            assertThat(record.get("PricingUnit").asText()).isEqualTo("million requests");
            assertThat(record.get("PricingQuantity").asInt()).isEqualTo(2);
            assertThat(record.get("BilledCost").decimalValue()).isEqualByComparingTo("4.50");
            assertThat(record.get("BillingAccountId").asText()).isEqualTo(account.id());
            assertThat(record.get("SubscriptionId").asText()).matches("[0-9A-Z]{26}");
            assertThat(record.get("ChargeCategory").asText()).isEqualTo("Usage");
            assertThat(record.has("ZoneId")).isTrue();
            assertThat(record.get("ZoneId").isNull()).isTrue();
        }
        for (String path : List.of("/paygo-usage-info", "/billable-usage/info")) {
            Reply info = server.http().call("GET", "/accounts/" + account.id() + path).bearer(account.reader()).send();
            assertThat(info.result().get("covered").asBoolean()).isTrue();
            assertThat(info.result().at("/subscriptions/0/billing_cycle_anchor_timestamp").asText())
                    .isEqualTo("2025-02-01T00:00:00Z");
            assertThat(info.result().at("/subscriptions/0/start_timestamp").asText()).isNotEmpty();
        }
    }

    @Test
    void catalogListsMetricsWithTheirPrices() {
        Reply reply = server.http().call("GET", "/billing/catalog").bearer(account().reader()).send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().get("currency").asText()).isEqualTo("USD");
        JsonNode requests = null;
        for (JsonNode metric : reply.result().get("metrics")) {
            if (metric.get("id").asText().equals("workers.requests")) {
                requests = metric;
            }
        }
        assertThat(requests).isNotNull();
        assertThat(requests.at("/versions/0/included").asLong()).isEqualTo(10_000_000L);
        assertThat(requests.at("/versions/0/tiers/0/price").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(reply.result().at("/subscriptions/0/price").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void oddBodiesGetA4xxAndNeverA500() {
        Account account = account();
        String ok = event("o", "workers.requests", "1", "2025-03-04T00:00:00Z");
        String[][] cases = {
                {"application/json", "{}"}, {"application/json", "[1, 2]"}, {"application/json", "[{}]"},
                {"application/json", "[null]"}, {"application/json", "[]"}, {"application/json", "[" + ok + "] x"},
                {"application/json", "[" + ok.replace("\"1\"", "1e400").replace(": 1,", ": 1e400,") + "]"},
                {"application/json", "[" + ok.replace(": 1,", ": [1],") + "]"},
                {"application/json", "[" + ok.replace("\"o\"", "\"" + "i".repeat(200) + "\"") + "]"},
                {"application/x-ndjson", "not json\n" + ok}, {"application/x-ndjson", ""},
                {"application/cloudevents+json", "[]"}, {"application/cloudevents+json", "{\"specversion\": \"0.3\"}"},
                {"application/cloudevents-batch+json", "[{\"data\": 1}]"}, {"text/plain", "hello"}};
        for (String[] c : cases) {
            Reply reply = send(account, c[1], c[0]);
            assertThat(reply.status()).as(c[0] + " " + c[1] + " -> " + reply).isBetween(400, 499);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
        }
        assertThat(records(account, "?from=2025-03-01&to=2025-03-05").result().size()).isZero();
    }

    @Test
    void aRepeatedQueryShowsUsageSentSinceTheLastOne() {
        Account account = account();
        send(account, "[" + event("c1", "workers.requests", "10", "2025-03-02T01:00:00Z") + "]", "application/json");
        String query = "?from=2025-03-01&to=2025-03-05";
        assertThat(records(account, query).result().get(0).get("ConsumedQuantity").asInt()).isEqualTo(10);
        assertThat(records(account, query).result().get(0).get("ConsumedQuantity").asInt()).isEqualTo(10);
        send(account, "[" + event("c2", "workers.requests", "5", "2025-03-02T02:00:00Z") + "]", "application/json");
        assertThat(records(account, query).result().get(0).get("ConsumedQuantity").asInt()).isEqualTo(15);
        Reply focus = server.http().call("GET", "/accounts/" + account.id() + "/billable-usage" + query)
                .bearer(account.reader()).send();
        assertThat(focus.result().get(0).get("ConsumedQuantity").asInt()).isEqualTo(15);
        assertThat(focus.result().get(0).has("ServiceFamilyName")).isTrue();
    }
}
