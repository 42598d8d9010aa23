package dev.paygo.credit;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credit grants as the operator gives them and as invoices use them at finalization, and Cloudflare's
 * {@code billing.credits.get} summary (SPEC §10). Runs on SQLite and on PostgreSQL.
 */
class CreditIT {
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

    private static JsonNode grant(Customer customer, String amount, String validTo, String description) {
        Reply reply = grantReply(customer, "{\"amount\": \"" + amount + "\", \"valid_to\": \"" + validTo
                + "\", \"description\": \"" + description + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.result();
    }

    private static Reply grantReply(Customer customer, String json) {
        return server.asOperator("POST", "/accounts/" + customer.id() + "/credits").json(json).send();
    }

    private static JsonNode octoberInvoice(Customer customer) {
        JsonNode list = customer.invoices();
        assertThat(list).hasSize(1);
        return customer.invoice(list.get(0).get("id").asText());
    }

    private static List<JsonNode> lines(JsonNode invoice, String kind) {
        List<JsonNode> out = new ArrayList<>();
        invoice.get("lines").forEach(l -> {
            if (l.get("kind").asText().equals(kind)) {
                out.add(l);
            }
        });
        return out;
    }

    private static BigDecimal money(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    /** The lines add up to the total; the subtotal is the total plus the credit applied. */
    private static void assertAddsUp(JsonNode invoice) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : invoice.get("lines")) {
            sum = sum.add(money(line, "amount"));
        }
        assertThat(sum).isEqualTo(money(invoice, "total"));
        assertThat(money(invoice, "subtotal")).isEqualTo(money(invoice, "total").add(money(invoice, "credits_applied")));
    }

    @Test
    void creditPaysAWholeInvoiceAndTheCardIsNotCharged() {
        Customer customer = billing.customer("Credit pays all");
        billing.octoberUsage(customer);
        billing.card(customer, BillingFixture.GOOD_CARD);
        String grantId = grant(customer, "100.00", "2027-10-01T00:00:00Z", "Startup programme").get("id").asText();
        billing.closeOctober();
        JsonNode report = billing.run();
        assertThat(report.get("payments_attempted").asInt()).as(report.toString()).isZero();

        JsonNode invoice = octoberInvoice(customer);
        BigDecimal subtotal = money(invoice, "subtotal");
        assertThat(subtotal).isPositive();
        assertThat(money(invoice, "credits_applied")).isEqualTo(subtotal);
        assertThat(invoice.get("total").asText()).isEqualTo("0.00");
        assertThat(invoice.get("status").asText()).as("nothing due: paid at once").isEqualTo("paid");
        assertThat(invoice.get("payment_attempts")).as("the card is not charged").isEmpty();
        List<JsonNode> credit = lines(invoice, "credit");
        assertThat(credit).hasSize(1);
        assertThat(credit.get(0).get("description").asText()).isEqualTo("Credit: Startup programme");
        assertThat(money(credit.get(0), "amount")).isEqualTo(subtotal.negate());
        assertAddsUp(invoice);

        JsonNode grants = customer.get("/credits").result();
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).get("id").asText()).isEqualTo(grantId);
        assertThat(money(grants.get(0), "used")).isEqualTo(subtotal);
        assertThat(money(grants.get(0), "remaining")).isEqualTo(new BigDecimal("100.00").subtract(subtotal));
        assertThat(grants.get(0).get("status").asText()).isEqualTo("active");
    }

    @Test
    void creditPaysPartAndTheCardPaysTheRest() {
        Customer customer = billing.customer("Credit pays part");
        billing.octoberUsage(customer);
        billing.card(customer, BillingFixture.GOOD_CARD);
        grant(customer, "1.00", "2027-10-01T00:00:00Z", "Welcome credit");
        billing.closeOctober();
        billing.run();

        JsonNode invoice = octoberInvoice(customer);
        assertThat(invoice.get("credits_applied").asText()).isEqualTo("1.00");
        assertThat(money(invoice, "total")).isEqualTo(money(invoice, "subtotal").subtract(new BigDecimal("1.00")));
        assertThat(invoice.get("status").asText()).isEqualTo("paid");
        assertThat(invoice.get("payment_attempts")).hasSize(1);
        assertThat(invoice.get("payment_attempts").get(0).get("amount").asText())
                .as("the card pays what credit did not").isEqualTo(invoice.get("total").asText());
        assertAddsUp(invoice);
        assertThat(customer.get("/credits").result().get(0).get("remaining").asText()).isEqualTo("0.00");
        assertThat(customer.get("/credits").result().get(0).get("status").asText()).isEqualTo("used");
    }

    @Test
    void grantsAreUsedInExpiryOrderAndAnEndedGrantNever() {
        Customer customer = billing.customer("Expiry order");
        billing.octoberUsage(customer);
        String later = grant(customer, "10.00", "2027-06-01T00:00:00Z", "Later").get("id").asText();
        String sooner = grant(customer, "0.50", "2026-12-01T00:00:00Z", "Sooner").get("id").asText();
        String lapsed = grant(customer, "50.00", "2026-11-01T00:30:00Z", "Lapses before the invoice").get("id")
                .asText();
        String revoked = grant(customer, "50.00", "2027-06-01T00:00:00Z", "Expired early").get("id").asText();
        Reply expired = billing.operator("POST", "/accounts/" + customer.id() + "/credits/" + revoked + "/expire");
        assertThat(expired.status()).as(expired.toString()).isEqualTo(200);
        assertThat(expired.result().get("status").asText()).isEqualTo("expired");
        assertThat(billing.operator("POST", "/accounts/" + customer.id() + "/credits/" + revoked + "/expire")
                .status()).as("an ended grant cannot be expired again").isEqualTo(409);

        billing.closeOctober();
        billing.run();
        JsonNode invoice = octoberInvoice(customer);
        List<JsonNode> credit = lines(invoice, "credit");
        assertThat(credit).extracting(l -> l.get("description").asText())
                .containsExactly("Credit: Sooner", "Credit: Later");
        assertThat(credit.get(0).get("amount").asText()).isEqualTo("-0.50");
        BigDecimal subtotal = money(invoice, "subtotal");
        assertThat(money(credit.get(1), "amount")).isEqualTo(subtotal.subtract(new BigDecimal("0.50")).negate());
        assertThat(invoice.get("total").asText()).isEqualTo("0.00");
        assertAddsUp(invoice);

        JsonNode grants = customer.get("/credits").result();
        for (JsonNode g : grants) {
            String id = g.get("id").asText();
            if (id.equals(lapsed) || id.equals(revoked)) {
                assertThat(g.get("remaining").asText()).as(g.toString()).isEqualTo("50.00");
                assertThat(g.get("status").asText()).isEqualTo("expired");
            } else if (id.equals(sooner)) {
                assertThat(g.get("remaining").asText()).isEqualTo("0.00");
            } else {
                assertThat(id).isEqualTo(later);
                assertThat(money(g, "remaining")).isEqualTo(new BigDecimal("10.50").subtract(subtotal));
            }
        }
    }

    @Test
    void summaryReportsGrantsInForceAndADepletionDateComputedByHand() {
        Customer customer = billing.customer("Summary");
        JsonNode none = customer.get("/billing/credits").result();
        assertThat(none.get("has_record").asBoolean()).isFalse();
        assertThat(none.get("eligible").asBoolean()).isTrue();
        assertThat(none.get("currency").asText()).isEqualTo("USD");
        assertThat(none.get("confirmed_balance_cents").asLong()).isZero();
        assertThat(none.has("projected_depletion_date")).isFalse();

        grant(customer, "12.00", "2027-01-01T00:00:00Z", "Twelve dollars");
        // November: 35M Workers requests on the 2nd, 10M of them included: 25M x $0.30/M = $7.50 in 10 days
        // (the 1st to the 10th), $0.75 a day: $12.00 lasts 16 days, to the 16th.
        CLOCK.set(Instant.parse("2026-11-02T09:00:00Z"));
        customer.send("workers.requests", "35000000", "2026-11-02T08:00:00Z");
        CLOCK.set(Instant.parse("2026-11-10T12:00:00Z"));
        JsonNode summary = customer.get("/billing/credits").result();
        assertThat(summary.get("has_record").asBoolean()).isTrue();
        assertThat(summary.get("original_amount_cents").asLong()).isEqualTo(1200);
        assertThat(summary.get("confirmed_balance_cents").asLong()).isEqualTo(1200);
        assertThat(summary.get("percent_consumed").decimalValue()).isEqualByComparingTo("0");
        assertThat(summary.get("valid_from").asText()).isEqualTo("2026-10-10T12:00:00Z");
        assertThat(summary.get("valid_to").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(summary.get("days_remaining").asLong()).isEqualTo(51);
        assertThat(summary.get("projected_depletion_date").asText()).isEqualTo("2026-11-16");

        // Another $1.00 in force: $13.00 at $0.75 a day lasts ceil(13.00 x 10 / 7.50) = 18 days, to the 18th.
        grant(customer, "1.00", "2026-11-13T00:00:00Z", "Short");
        summary = customer.get("/billing/credits").result();
        assertThat(summary.get("original_amount_cents").asLong()).isEqualTo(1300);
        assertThat(summary.get("projected_depletion_date").asText()).isEqualTo("2026-11-18");
        BigDecimal days = new BigDecimal("13.00").multiply(BigDecimal.TEN).divide(new BigDecimal("7.50"), 0,
                RoundingMode.CEILING);
        assertThat(LocalDate.parse("2026-11-01").plusDays(days.longValue() - 1).toString()).isEqualTo("2026-11-18");
    }

    @Test
    void summaryCountsWhatInvoicesUsed() {
        Customer customer = billing.customer("Consumed");
        billing.octoberUsage(customer);
        grant(customer, "30.00", "2027-01-01T00:00:00Z", "Thirty");
        billing.closeOctober();
        billing.run();
        BigDecimal used = money(octoberInvoice(customer), "credits_applied");
        JsonNode summary = customer.get("/billing/credits").result();
        assertThat(summary.get("original_amount_cents").asLong()).isEqualTo(3000);
        assertThat(summary.get("confirmed_balance_cents").asLong())
                .isEqualTo(new BigDecimal("30.00").subtract(used).movePointRight(2).longValueExact());
        assertThat(summary.get("percent_consumed").decimalValue()).isEqualByComparingTo(
                used.multiply(BigDecimal.valueOf(100)).divide(new BigDecimal("30.00"), 2, RoundingMode.HALF_EVEN));
        assertThat(summary.get("projected_depletion_date").asText()).as("no November usage yet: lasts until it ends")
                .isEqualTo("2026-12-31");
    }

    @Test
    void voidingAnInvoiceGivesItsCreditBack() {
        Customer customer = billing.customer("Void gives back");
        billing.octoberUsage(customer);
        grant(customer, "1.00", "2027-10-01T00:00:00Z", "Given back");
        billing.closeOctober();
        billing.run();
        JsonNode invoice = octoberInvoice(customer);
        assertThat(invoice.get("status").asText()).isEqualTo("open");
        assertThat(customer.get("/credits").result().get(0).get("remaining").asText()).isEqualTo("0.00");
        Reply voided = billing.operator("POST", "/accounts/" + customer.id() + "/invoices/" + invoice.get("id").asText()
                + "/void");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(customer.get("/credits").result().get(0).get("remaining").asText()).isEqualTo("1.00");
        assertThat(customer.invoice(invoice.get("id").asText()).get("credits_applied").asText())
                .as("the invoice stays as issued").isEqualTo("1.00");
    }

    @Test
    void upcomingInvoiceShowsTheCreditItWouldTake() {
        Customer customer = billing.customer("Upcoming credit");
        billing.octoberUsage(customer);
        grant(customer, "2.00", "2027-10-01T00:00:00Z", "Preview");
        CLOCK.set(Instant.parse("2026-10-20T00:00:00Z"));
        JsonNode upcoming = customer.get("/invoices/upcoming").result();
        assertThat(upcoming.get("credits_applied").asText()).isEqualTo("2.00");
        assertThat(money(upcoming, "total")).isEqualTo(money(upcoming, "subtotal").subtract(new BigDecimal("2.00")));
        assertThat(lines(upcoming, "credit")).hasSize(1);
        assertThat(customer.get("/credits").result().get(0).get("remaining").asText()).as("nothing taken")
                .isEqualTo("2.00");
    }

    @Test
    void badGrantsGetAClear4xxAndChangeNothing() {
        Customer customer = billing.customer("Bad grants");
        Customer other = billing.customer("Other");
        String good = "{\"amount\": \"5.00\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"ok\"}";
        for (String body : List.of(
                "{\"amount\": \"5.00\", \"currency\": \"EUR\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": \"-5.00\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": \"0\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": \"5.001\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": 1e999999999, \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": \"5.00\", \"valid_from\": \"2027-02-01T00:00:00Z\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": \"5.00\", \"valid_to\": \"2026-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": \"5.00\", \"valid_to\": \"tomorrow\", \"description\": \"x\"}",
                "{\"amount\": \"5.00\", \"description\": \"x\"}",
                "{\"amount\": null, \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\"}",
                "{\"amount\": \"5.00\", \"valid_to\": null, \"description\": \"x\"}",
                "{\"amount\": \"5.00\", \"valid_to\": \"2027-01-01T00:00:00Z\"}",
                "{\"amount\": \"5.00\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"   \"}",
                "{\"amount\": \"5.00\", \"valid_to\": \"2027-01-01T00:00:00Z\", \"description\": \"x\", \"extra\": 1}")) {
            Reply reply = grantReply(customer, body);
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("source").get("pointer").asText()).startsWith("/");
        }
        assertThat(server.http().call("POST", "/accounts/" + customer.id() + "/credits").bearer(customer.writer())
                .json(good).send().status()).as("grants are the operator's").isEqualTo(403);
        assertThat(server.http().call("GET", "/accounts/" + customer.id() + "/credits").bearer(other.reader())
                .send().status()).as("another account's token").isEqualTo(403);
        assertThat(billing.operator("POST", "/accounts/" + customer.id() + "/credits/"
                + "0123456789abcdef0123456789abcdef/expire").status()).isEqualTo(404);
        assertThat(customer.get("/credits").result()).as("nothing stored").isEmpty();
        assertThat(customer.get("/billing/credits").result().get("has_record").asBoolean()).isFalse();

        String id = grant(customer, "5.00", "2027-01-01T00:00:00Z", "ok").get("id").asText();
        assertThat(billing.operator("POST", "/accounts/" + other.id() + "/credits/" + id + "/expire").status())
                .as("another account's grant").isEqualTo(404);
        assertThat(customer.get("/credits").result().get(0).get("status").asText()).isEqualTo("active");
    }
}
