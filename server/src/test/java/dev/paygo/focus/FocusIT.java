package dev.paygo.focus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.BillingFixture;
import dev.paygo.testing.BillingFixture.Customer;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cloudflare's v2 billable usage ({@code GET /accounts/{id}/billable/usage}, FOCUS 1.3) with its costs filled: the
 * same costs as the v1 records, exact billing periods, credits in {@code EffectiveCost}, correction rows for late
 * usage of an invoiced period, and 400s that change nothing (SPEC §12). Runs on SQLite and on PostgreSQL.
 */
class FocusIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");

    private static TestServer server;
    private static BillingFixture billing;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        billing = new BillingFixture(server, CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode v2(Customer customer, String query) {
        Reply reply = customer.get("/billable/usage" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.result();
    }

    static BigDecimal dec(JsonNode record, String field) {
        return record.get(field).decimalValue();
    }

    @Test
    void aDaysV2CostsEqualTheV1ContractedCostAndEveryCostColumnIsFilled() {
        Customer customer = billing.customer("FOCUS v1 = v2");
        billing.octoberUsage(customer);
        customer.send("d1.rows_read", "1000", "2026-10-09T10:00:00Z");  // within D1's free allowance
        JsonNode v2 = v2(customer, "?from=2026-10-01&to=2026-10-10");
        Reply v1 = customer.get("/billable-usage?from=2026-10-01&to=2026-10-10");
        assertThat(v1.status()).isEqualTo(200);
        Map<String, JsonNode> v1ByDay = new HashMap<>();
        v1.result().forEach(r -> v1ByDay.put(r.get("ChargePeriodStart").asText() + " " + r.get("ChargeDescription")
                .asText(), r));
        assertThat(v2).hasSize(v1.result().size()).hasSize(6);
        boolean sawFree = false;
        for (JsonNode r : v2) {
            JsonNode same = v1ByDay.get(r.get("ChargePeriodStart").asText() + " " + r.get("ChargeDescription").asText());
            assertThat(same).as("v1 has the same day and metric: %s", r).isNotNull();
            for (String cost : List.of("BilledCost", "ContractedCost", "ListCost", "EffectiveCost")) {
                assertThat(dec(r, cost)).as(cost + " of " + r).isEqualByComparingTo(dec(same, "ContractedCost"));
            }
            assertThat(dec(r, "ConsumedQuantity")).isEqualByComparingTo(dec(same, "ConsumedQuantity"));
            assertThat(dec(r, "PricingQuantity")).isEqualByComparingTo(dec(same, "PricingQuantity"));
            assertThat(r.get("ChargeClass").isNull()).isTrue();
            assertThat(r.get("ChargeCategory").asText()).isEqualTo("Usage");
            assertThat(r.get("ChargeFrequency").asText()).isEqualTo("Usage-Based");
            assertThat(r.get("BillingCurrency").asText()).isEqualTo("USD");
            assertThat(r.get("BillingPeriodStart").asText()).isEqualTo("2026-10-01T00:00:00Z");
            assertThat(r.get("BillingPeriodEnd").asText()).isEqualTo("2026-11-01T00:00:00Z");
            assertThat(r.get("BillingAccountId").asText()).isEqualTo(customer.id());
            assertThat(r.get("BillingAccountName").asText()).isEqualTo("FOCUS v1 = v2");
            assertThat(r.get("SubAccountId").asText()).hasSize(26);
            assertThat(r.get("HostProviderName").asText()).isEqualTo("Cloudflare");
            assertThat(r.get("x_ProductFamilyId").asText()).matches("[a-z0-9_]+");
            assertThat(r.get("x_ProductCategoryName").asText()).isEqualTo("Developer");
            assertThat(r.has("x_ZoneId")).as("not grouped by zone").isFalse();
            assertThat(r.has("Tags")).as("not grouped by tag").isFalse();
            if (dec(r, "ContractedCost").signum() == 0) {
                sawFree = true;
                assertThat(dec(r, "ConsumedQuantity")).isPositive();
                assertThat(dec(r, "ContractedUnitPrice")).as("within the allowance").isZero();
            } else {
                assertThat(dec(r, "ContractedUnitPrice")).isPositive();
                assertThat(dec(r, "ListUnitPrice")).isEqualByComparingTo(dec(r, "ContractedUnitPrice"));
            }
        }
        assertThat(sawFree).as("free-allowance usage appears at zero cost").isTrue();
        JsonNode requests = find(v2, "2026-10-05", "workers.requests");
        // 20M requests by the 5th, 10M included: the 5th's 8M are all billed at $0.30 per million.
        assertThat(dec(requests, "ContractedCost")).isEqualByComparingTo("2.4");
        assertThat(dec(requests, "ContractedUnitPrice")).isEqualByComparingTo("0.0000003");
    }

    @Test
    void theDefaultWindowIsTheMonthToDateAndAtMost31DaysAreAsked() {
        Customer customer = billing.customer("FOCUS window");
        customer.send("workers.requests", "100", "2026-09-30T10:00:00Z");
        customer.send("workers.requests", "100", "2026-10-01T10:00:00Z");
        customer.send("workers.requests", "100", "2026-10-10T10:00:00Z");
        JsonNode v2 = v2(customer, "");
        assertThat(v2).extracting(r -> r.get("ChargePeriodStart").asText())
                .containsExactly("2026-10-01T00:00:00Z", "2026-10-10T00:00:00Z");
        Reply tooLong = customer.get("/billable/usage?from=2026-09-01&to=2026-10-02");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo(1183);
        assertThat(tooLong.toString()).contains("at most 31 days");
        Reply alone = customer.get("/billable/usage?from=2026-09-01");
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.toString()).contains("'to' is required with from");
        Reply bogus = customer.get("/billable/usage?group_by=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.toString()).contains("group_by").contains("bogus");
    }

    @Test
    void billingPeriodEndIsExactForAnchorsOnThe29thTo31stAndInLeapYears() {
        // Anchor on the 31st: February's period starts on its last day and March's on the 31st again.
        Customer thirtyFirst = billing.customer("Anchor 31", "2027-03-02T12:00:00Z", "2027-01-31T00:00:00Z");
        thirtyFirst.send("workers.requests", "1", "2027-02-27T10:00:00Z");
        thirtyFirst.send("workers.requests", "1", "2027-02-28T10:00:00Z");
        assertPeriods(v2(thirtyFirst, "?from=2027-02-27&to=2027-02-28"),
                "2027-01-31", "2027-02-28", "2027-02-28", "2027-03-31");
        // Anchor on the 30th in a leap year: February's period starts on the 29th.
        Customer leap = billing.customer("Anchor 30, leap year", "2028-03-02T12:00:00Z", "2028-01-30T00:00:00Z");
        leap.send("workers.requests", "1", "2028-02-28T10:00:00Z");
        leap.send("workers.requests", "1", "2028-02-29T10:00:00Z");
        assertPeriods(v2(leap, "?from=2028-02-28&to=2028-02-29"), "2028-01-30", "2028-02-29", "2028-02-29",
                "2028-03-30");
        // Anchor on the 29th in a common year.
        Customer twentyNinth = billing.customer("Anchor 29", "2027-03-02T12:00:00Z", "2027-01-29T00:00:00Z");
        twentyNinth.send("workers.requests", "1", "2027-02-27T10:00:00Z");
        twentyNinth.send("workers.requests", "1", "2027-03-01T10:00:00Z");
        assertPeriods(v2(twentyNinth, "?from=2027-02-27&to=2027-03-01"), "2027-01-29", "2027-02-28", "2027-02-28",
                "2027-03-29");
    }

    private static void assertPeriods(JsonNode records, String firstStart, String firstEnd, String secondStart,
                                      String secondEnd) {
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("BillingPeriodStart").asText()).isEqualTo(firstStart + "T00:00:00Z");
        assertThat(records.get(0).get("BillingPeriodEnd").asText()).isEqualTo(firstEnd + "T00:00:00Z");
        assertThat(records.get(1).get("BillingPeriodStart").asText()).isEqualTo(secondStart + "T00:00:00Z");
        assertThat(records.get(1).get("BillingPeriodEnd").asText()).isEqualTo(secondEnd + "T00:00:00Z");
    }

    @Test
    void lateUsageOfAnInvoicedPeriodIsACorrectionRowInThePeriodWhoseInvoiceBillsIt() {
        Customer customer = billing.customer("FOCUS corrections");
        billing.octoberUsage(customer);
        billing.closeOctober();
        billing.run();
        JsonNode invoice = customer.invoice(customer.invoices().get(0).get("id").asText());
        JsonNode before = v2(customer, "?from=2026-10-01&to=2026-10-31");
        // What the invoice billed per metric is what the regular rows of October add up to, rounded to the cent.
        Map<String, BigDecimal> billedByMetric = new HashMap<>();
        before.forEach(r -> billedByMetric.merge(r.get("x_BillableMetricId").asText(), dec(r, "BilledCost"),
                BigDecimal::add));
        for (JsonNode line : invoice.get("lines")) {
            if (line.get("kind").asText().equals("usage")) {
                assertThat(billedByMetric.get(line.get("metric").asText()).setScale(2, RoundingMode.HALF_EVEN))
                        .isEqualByComparingTo(line.get("amount").asText());
            }
        }

        customer.send("workers.requests", "5000000", "2026-10-20T10:00:00Z");  // late: October is invoiced
        JsonNode after = v2(customer, "?from=2026-10-01&to=2026-10-31");
        List<JsonNode> corrections = corrections(after);
        assertThat(corrections).hasSize(1);
        JsonNode correction = corrections.get(0);
        assertThat(correction.get("x_BillableMetricId").asText()).isEqualTo("workers.requests");
        assertThat(correction.get("ChargePeriodStart").asText()).isEqualTo("2026-10-20T00:00:00Z");
        assertThat(dec(correction, "ConsumedQuantity")).isEqualByComparingTo("5000000");
        assertThat(dec(correction, "ContractedCost")).isEqualByComparingTo("1.5");
        assertThat(correction.get("BillingPeriodStart").asText()).as("billed by November's invoice")
                .isEqualTo("2026-11-01T00:00:00Z");
        assertThat(correction.get("BillingPeriodEnd").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(after).hasSize(before.size() + 1);
        // The v1 record of the day holds the late usage; the v2 rows of the day add up to it.
        JsonNode v1 = customer.get("/billable-usage?from=2026-10-20&to=2026-10-20").result();
        assertThat(dec(v1.get(0), "ContractedCost")).isEqualByComparingTo(dec(correction, "ContractedCost"));

        CLOCK.set(Instant.parse("2026-12-01T01:00:00Z"));
        billing.run();
        JsonNode november = customer.invoices().get(0);
        assertThat(november.get("period_start").asText()).startsWith("2026-11-01");
        JsonNode billedAfter = v2(customer, "?from=2026-10-01&to=2026-10-31");
        assertThat(corrections(billedAfter)).hasSize(1);
        assertThat(corrections(billedAfter).get(0).get("BillingPeriodStart").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(dec(corrections(billedAfter).get(0), "BilledCost")).isEqualByComparingTo("1.5");
    }

    private static List<JsonNode> corrections(JsonNode records) {
        List<JsonNode> out = new ArrayList<>();
        records.forEach(r -> {
            if ("Correction".equals(r.get("ChargeClass").asText(null))) {
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void effectiveCostIsTheCostLessItsShareOfTheCreditItsInvoiceApplied() {
        Customer customer = billing.customer("FOCUS credit");
        billing.octoberUsage(customer);
        Reply granted = server.asOperator("POST", "/accounts/" + customer.id() + "/credits")
                .json("{\"amount\": \"1.00\", \"valid_to\": \"2027-10-01T00:00:00Z\", \"description\": \"Trial\"}")
                .send();
        assertThat(granted.status()).isEqualTo(201);
        JsonNode uninvoiced = v2(customer, "?from=2026-10-01&to=2026-10-10");
        uninvoiced.forEach(r -> assertThat(dec(r, "EffectiveCost")).as("no invoice has applied credit yet")
                .isEqualByComparingTo(dec(r, "ContractedCost")));
        billing.closeOctober();
        billing.run();
        JsonNode records = v2(customer, "?from=2026-10-01&to=2026-10-31");
        BigDecimal credited = BigDecimal.ZERO;
        for (JsonNode r : records) {
            BigDecimal cost = dec(r, "ContractedCost");
            assertThat(dec(r, "EffectiveCost")).isBetween(BigDecimal.ZERO, cost);
            assertThat(dec(r, "BilledCost")).isEqualByComparingTo(cost);
            credited = credited.add(cost.subtract(dec(r, "EffectiveCost")));
        }
        // The invoice's subtotal is rounded to the cent and each row's share to the record scale: the shares add
        // up to the credit within a fraction of a cent.
        assertThat(credited).as("the credit's share of the invoice's usage").isCloseTo(new BigDecimal("1.00"),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
    }

    @Test
    void badTagsAreRefusedWithTheirPointerAndStoreNothing() {
        Customer customer = billing.customer("FOCUS bad tags");
        customer.send("workers.requests", "100", "2026-10-02T10:00:00Z", null, "{\"team\": \"a\"}");
        JsonNode before = v2(customer, "?from=2026-10-01&to=2026-10-10&group_by=tag:team");
        StringBuilder eleven = new StringBuilder("{");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
        }
        eleven.append("}");
        String good = "{\"id\": \"ok-1\", \"metric\": \"workers.requests\", \"quantity\": 5, "
                + "\"timestamp\": \"2026-10-03T10:00:00Z\", \"tags\": {\"team\": \"b\"}}";
        List<String> bad = List.of(
                "{\"id\": \"bad-1\", \"metric\": \"workers.requests\", \"quantity\": 5, \"timestamp\": "
                        + "\"2026-10-03T10:00:00Z\", \"tags\": " + eleven + "}",
                "{\"id\": \"bad-2\", \"metric\": \"workers.requests\", \"quantity\": 5, \"timestamp\": "
                        + "\"2026-10-03T10:00:00Z\", \"tags\": {\"team\": \"" + "x".repeat(257) + "\"}}",
                "{\"id\": \"bad-3\", \"metric\": \"workers.requests\", \"quantity\": 5, \"timestamp\": "
                        + "\"2026-10-03T10:00:00Z\", \"tags\": {\"bad key!\": \"v\"}}",
                "{\"id\": \"bad-4\", \"metric\": \"workers.requests\", \"quantity\": 5, \"timestamp\": "
                        + "\"2026-10-03T10:00:00Z\", \"tags\": {\"team\": 7}}",
                "{\"id\": \"bad-5\", \"metric\": \"workers.requests\", \"quantity\": 5, \"timestamp\": "
                        + "\"2026-10-03T10:00:00Z\", \"tags\": [\"team\"]}");
        List<String> expected = List.of("/1/tags must hold at most 10 tags", "/1/tags/team must be at most 256",
                "/1/tags/bad key! is not a valid tag key", "/1/tags/team must be a string", "/1/tags must be an object");
        for (int i = 0; i < bad.size(); i++) {
            Reply refused = customer.post("[" + good + ", " + bad.get(i) + "]");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.toString()).contains(expected.get(i));
        }
        assertThat(v2(customer, "?from=2026-10-01&to=2026-10-10&group_by=tag:team")).as("nothing stored")
                .isEqualTo(before);
        Reply badZone = customer.write("PUT", "/zones/not-a-zone", "{\"name\": \"example.com\"}");
        assertThat(badZone.status()).isEqualTo(400);
        Reply noName = customer.write("PUT", "/zones/" + "a".repeat(32), "{\"name\": \"\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(customer.get("/zones").result()).isEmpty();
    }

    static JsonNode find(JsonNode records, String day, String metric) {
        for (JsonNode r : records) {
            if (r.get("ChargePeriodStart").asText().startsWith(day) && r.get("x_BillableMetricId").asText()
                    .equals(metric)) {
                return r;
            }
        }
        throw new AssertionError("no record of " + metric + " on " + day + " in " + records);
    }
}
