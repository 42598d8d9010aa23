package dev.paygo.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.BillingFixture;
import dev.paygo.testing.BillingFixture.Customer;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invoices at period close, payments through the test and manual gateways, dunning and corrections, as an
 * operator and a customer see them over HTTP (SPEC §10). Runs on SQLite and on PostgreSQL.
 */
class InvoiceIT {
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

    @Test
    void endedPeriodGetsExactlyOneInvoiceWhoseLinesAreItsCumulatedCostsRoundedToCents() {
        Customer customer = billing.customer("Lines add up");
        billing.octoberUsage(customer);
        assertThat(billing.operator("PUT", "/accounts/" + customer.id() + "/subscription-fees/workers_paid.subscription")
                .status()).isEqualTo(200);

        CLOCK.set(Instant.parse("2026-11-01T00:30:00Z"));
        billing.run();
        assertThat(customer.invoices()).as("the grace hour has not passed").isEmpty();

        billing.closeOctober();
        billing.run();
        billing.run();
        JsonNode list = customer.invoices();
        assertThat(list).hasSize(1);
        JsonNode invoice = customer.invoice(list.get(0).get("id").asText());
        assertThat(invoice.get("number").asText()).matches("PG-2026-[0-9]{6}");
        assertThat(invoice.get("period_start").asText()).isEqualTo("2026-10-01");
        assertThat(invoice.get("period_end").asText()).isEqualTo("2026-11-01");
        assertThat(invoice.get("status").asText()).as("no card, no gateway: collected by bank transfer")
                .isEqualTo("open");
        assertThat(invoice.get("gateway").asText()).isEqualTo("manual");

        // Each usage line is the period's cumulated cost, as the usage records report it, rounded to cents once.
        JsonNode records = customer.get("/billing/usage/paygo?from=2026-10-01&to=2026-10-31").result();
        Map<String, BigDecimal> cumulated = new HashMap<>();
        for (JsonNode r : records) {
            cumulated.put(r.get("ServiceName").asText(), r.get("CumulatedContractedCost").decimalValue());
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> usageLines = new ArrayList<>();
        for (JsonNode line : invoice.get("lines")) {
            BigDecimal amount = new BigDecimal(line.get("amount").asText());
            sum = sum.add(amount);
            if (line.get("kind").asText().equals("usage")) {
                String service = line.get("description").asText();
                usageLines.add(service);
                assertThat(amount).as(service).isEqualTo(cumulated.get(service).setScale(2, RoundingMode.HALF_EVEN));
            }
        }
        assertThat(usageLines).containsExactlyInAnyOrderElementsOf(cumulated.entrySet().stream()
                .filter(e -> e.getValue().setScale(2, RoundingMode.HALF_EVEN).signum() != 0).map(Map.Entry::getKey)
                .toList());
        assertThat(line(invoice, "workers.requests").get("amount").asText()).isEqualTo("3.00");
        assertThat(line(invoice, "workers.requests").get("quantity").asText()).isEqualTo("20000000");
        JsonNode fee = invoice.get("lines").get(invoice.get("lines").size() - 1);
        assertThat(fee.get("kind").asText()).isEqualTo("subscription");
        assertThat(fee.get("amount").asText()).isEqualTo("5.00");
        assertThat(new BigDecimal(invoice.get("total").asText())).isEqualTo(sum);
        assertThat(invoice.get("amount_due").asText()).isEqualTo(invoice.get("total").asText());
        assertThat(invoice.get("amount_paid").asText()).isEqualTo("0.00");
        assertThat(customer.get("/billing/profile").result().get("balance").asText())
                .isEqualTo(invoice.get("total").asText());
        assertThat(customer.get("/billing/profile").result().get("next_bill_date").asText())
                .isEqualTo("2026-12-01T00:00:00Z");
    }

    private static JsonNode line(JsonNode invoice, String metric) {
        for (JsonNode line : invoice.get("lines")) {
            if (metric.equals(line.path("metric").asText())) {
                return line;
            }
        }
        throw new AssertionError("no line of " + metric + " in " + invoice);
    }

    @Test
    void cardThatSucceedsPaysTheInvoiceWhenItIsIssued() {
        Customer customer = billing.customer("Pays at once");
        billing.octoberUsage(customer);
        billing.card(customer, BillingFixture.GOOD_CARD);
        billing.closeOctober();
        JsonNode report = billing.run();
        assertThat(report.get("invoices_issued").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("payments").get("succeeded").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode invoice = customer.invoice(customer.invoices().get(0).get("id").asText());
        assertThat(invoice.get("status").asText()).isEqualTo("paid");
        assertThat(invoice.get("amount_due").asText()).isEqualTo("0.00");
        assertThat(invoice.get("amount_paid").asText()).isEqualTo(invoice.get("total").asText());
        assertThat(invoice.get("payment_attempts")).hasSize(1);
        assertThat(invoice.get("payment_attempts").get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(customer.get("/billing/profile").result().get("balance").asText()).isEqualTo("0.00");

        JsonNode history = customer.get("/billing/history").result();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("type").asText()).as("newest first: the payment").isEqualTo("payment");
        assertThat(history.get(0).get("amount").decimalValue())
                .isEqualByComparingTo(new BigDecimal(invoice.get("total").asText()));
        assertThat(history.get(1).get("type").asText()).isEqualTo("invoice");
        assertThat(history.get(1).get("external_invoice_id").asText()).isEqualTo(invoice.get("number").asText());
        // Its public page: one unguessable link, the same in the invoice, its list, and both history items.
        String hosted = invoice.get("hosted_invoice_url").asText();
        assertThat(hosted).matches("http://localhost:[0-9]+/invoice/[0-9a-f]{48}");
        assertThat(customer.invoices().get(0).get("hosted_invoice_url").asText()).isEqualTo(hosted);
        assertThat(history.findValuesAsText("hosted_invoice_url")).containsExactly(hosted, hosted);
        assertThat(customer.get("/billing/history?status=paid").result()).hasSize(1);
        assertThat(customer.get("/billing/history?status=bogus").status()).isEqualTo(400);
    }

    @Test
    void declinedCardGoesPastDueThenUncollectibleAndAManualPaymentSettlesIt() {
        Customer customer = billing.customer("Declined");
        billing.octoberUsage(customer);
        billing.card(customer, BillingFixture.DECLINED_CARD);
        billing.closeOctober();
        Instant firstFailure = CLOCK.instant();
        billing.run();
        String id = customer.invoices().get(0).get("id").asText();
        JsonNode invoice = customer.invoice(id);
        assertThat(invoice.get("status").asText()).isEqualTo("past_due");
        assertThat(invoice.get("next_payment_attempt_at").asText()).isEqualTo(firstFailure.plus(Duration.ofDays(1))
                .toString());
        assertThat(invoice.get("payment_attempts").get(0).get("status").asText()).isEqualTo("declined");
        JsonNode unpaid = customer.get("/billing/unpaid-invoice").result().get("invoices");
        assertThat(unpaid).hasSize(1);
        assertThat(unpaid.get(0).get("invoice_id").asText()).isEqualTo(id);
        assertThat(unpaid.get(0).get("amount_to_pay").decimalValue())
                .isEqualByComparingTo(new BigDecimal(invoice.get("total").asText()));

        // Before the retry is due, a run leaves the invoice alone.
        CLOCK.set(firstFailure.plus(Duration.ofHours(23)));
        billing.run();
        assertThat(customer.invoice(id).get("payment_attempts")).hasSize(1);

        // Retries 1, 3 and 5 days after the first failure; after the last, bad debt.
        for (int days : new int[] {1, 3, 5}) {
            CLOCK.set(firstFailure.plus(Duration.ofDays(days)));
            billing.run();
        }
        invoice = customer.invoice(id);
        assertThat(invoice.get("payment_attempts")).hasSize(4);
        assertThat(invoice.get("status").asText()).isEqualTo("uncollectible");
        assertThat(invoice.has("next_payment_attempt_at")).isFalse();
        assertThat(customer.get("/billing/unpaid-invoice").result().get("invoices")).isEmpty();
        JsonNode badDebt = customer.get("/billing/bad-debt").result();
        assertThat(badDebt.get("bad_debt_status").asText()).isEqualTo("outstanding");
        assertThat(badDebt.get("total_debt_amount").decimalValue())
                .isEqualByComparingTo(new BigDecimal(invoice.get("total").asText()));
        assertThat(badDebt.get("invoices").get(0).get("invoice_id").asText()).isEqualTo(id);

        CLOCK.set(firstFailure.plus(Duration.ofDays(30)));
        billing.run();
        assertThat(customer.invoice(id).get("payment_attempts")).as("no retry after the schedule").hasSize(4);

        // The customer pays by bank transfer, in two parts.
        BigDecimal total = new BigDecimal(invoice.get("total").asText());
        BigDecimal part = total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        Reply first = server.asOperator("POST", "/accounts/" + customer.id() + "/invoices/" + id + "/payments")
                .json("{\"amount\": \"" + part + "\", \"reference\": \"wire 1\"}").send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.result().get("status").asText()).isEqualTo("uncollectible");
        assertThat(first.result().get("amount_due").asText()).isEqualTo(total.subtract(part).toPlainString());
        assertThat(customer.get("/billing/bad-debt").result().get("already_paid").decimalValue())
                .isEqualByComparingTo(part);
        Reply rest = server.asOperator("POST", "/accounts/" + customer.id() + "/invoices/" + id + "/payments")
                .json("{\"amount\": " + total.subtract(part) + ", \"reference\": \"wire 2\"}").send();
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(rest.result().get("status").asText()).isEqualTo("paid");
        JsonNode cleared = customer.get("/billing/bad-debt").result();
        assertThat(cleared.get("bad_debt_status").asText()).isEqualTo("none");
        assertThat(cleared.get("total_debt_amount").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(customer.get("/billing/profile").result().get("balance").asText()).isEqualTo("0.00");
    }

    @Test
    void lateEventAfterFinalizationIsACorrectionOnTheNextInvoiceAndTheOldInvoiceIsByteIdentical() {
        Customer customer = billing.customer("Late");
        billing.octoberUsage(customer);
        billing.closeOctober();
        billing.run();
        String id = customer.invoices().get(0).get("id").asText();
        String issued = customer.get("/invoices/" + id).raw().body();

        CLOCK.set(Instant.parse("2026-11-05T09:00:00Z"));
        customer.send("workers.requests", "5000000", "2026-10-20T10:00:00Z");
        customer.send("workers.requests", "1000000", "2026-11-03T10:00:00Z");
        JsonNode upcoming = customer.get("/invoices/upcoming").result();
        assertThat(upcoming.get("period_start").asText()).isEqualTo("2026-11-01");
        JsonNode correction = upcoming.get("lines").get(upcoming.get("lines").size() - 1);
        assertThat(correction.get("kind").asText()).isEqualTo("correction");
        assertThat(correction.get("period_start").asText()).isEqualTo("2026-10-01");
        assertThat(correction.get("amount").asText()).as("5M more at $0.30/M").isEqualTo("1.50");
        assertThat(correction.get("quantity").asText()).isEqualTo("5000000");

        assertThat(customer.get("/invoices/" + id).raw().body()).as("the issued invoice never changes")
                .isEqualTo(issued);
        CLOCK.set(Instant.parse("2026-12-01T01:00:00Z"));
        billing.run();
        assertThat(customer.get("/invoices/" + id).raw().body()).isEqualTo(issued);
        JsonNode november = customer.invoice(customer.invoices().get(0).get("id").asText());
        assertThat(november.get("period_start").asText()).isEqualTo("2026-11-01");
        assertThat(line(november, "workers.requests").get("kind").asText()).as("1M in November, within the "
                + "10M included: no cost, no usage line; the correction carries the metric").isEqualTo("correction");
        assertThat(line(november, "workers.requests").get("amount").asText()).isEqualTo("1.50");
        assertThat(november.get("total").asText()).isEqualTo("1.50");

        // Billed once: the next invoice has no correction left.
        CLOCK.set(Instant.parse("2026-12-05T01:00:00Z"));
        assertThat(customer.get("/invoices/upcoming").result().get("lines")).isEmpty();
    }

    @Test
    void concurrentRunsAndRacingIssuersIssueEachInvoiceOnceAndChargeEachAttemptOnce() throws Exception {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Customer customer = billing.customer("Race " + i);
            customer.send("workers.requests", "11000000", "2026-10-04T10:00:00Z");
            billing.card(customer, BillingFixture.GOOD_CARD);
            customers.add(customer);
        }
        billing.closeOctober();
        List<Thread> threads = new ArrayList<>();
        List<JsonNode> reports = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> reports.add(billing.run())));
        }
        // Issuers that bypass the run's lock race on the billing cursor itself.
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> customers.forEach(c -> server.server().invoices()
                    .issueDue(server.server().accounts().find(c.id()).orElseThrow()))));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(reports).hasSize(4);
        billing.run();
        List<String> numbers = new ArrayList<>();
        for (Customer customer : customers) {
            JsonNode invoices = customer.invoices();
            assertThat(invoices).as(customer.id()).hasSize(1);
            JsonNode invoice = customer.invoice(invoices.get(0).get("id").asText());
            assertThat(invoice.get("status").asText()).isEqualTo("paid");
            assertThat(invoice.get("total").asText()).isEqualTo("0.30");
            assertThat(invoice.get("payment_attempts")).hasSize(1);
            numbers.add(invoice.get("number").asText());
        }
        assertThat(numbers).doesNotHaveDuplicates();
        long charged = server.server().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM test_gateway_charges WHERE attempt_id IN (SELECT id FROM payment_attempts "
                                + "WHERE account_id IN (<ids>))")
                .bindList("ids", customers.stream().map(Customer::id).toList()).mapTo(Long.class).one());
        assertThat(charged).as("the gateway charged each invoice once").isEqualTo(customers.size());
    }

    @Test
    void invoiceNumbersHaveNoGaps() {
        Customer a = billing.customer("Numbers A");
        Customer b = billing.customer("Numbers B");
        billing.octoberUsage(a);
        billing.octoberUsage(b);
        billing.closeOctober();
        billing.run();
        long first = Long.parseLong(a.invoices().get(0).get("number").asText().substring(8));
        long second = Long.parseLong(b.invoices().get(0).get("number").asText().substring(8));
        assertThat(Math.abs(first - second)).isEqualTo(1);
    }

    @Test
    void operatorVoidsAnOpenInvoiceButNotAPaidOne() {
        Customer customer = billing.customer("Void");
        billing.octoberUsage(customer);
        billing.closeOctober();
        billing.run();
        String id = customer.invoices().get(0).get("id").asText();
        Reply voided = billing.operator("POST", "/accounts/" + customer.id() + "/invoices/" + id + "/void");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.result().get("status").asText()).isEqualTo("void");
        assertThat(voided.result().get("amount_due").asText()).isEqualTo("0.00");
        assertThat(customer.get("/billing/profile").result().get("balance").asText()).isEqualTo("0.00");

        Reply again = billing.operator("POST", "/accounts/" + customer.id() + "/invoices/" + id + "/void");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("message").asText()).contains("void");
    }

    @Test
    void badInputGetsAClear4xxAndChangesNothing() {
        Customer customer = billing.customer("Bad input");
        Customer other = billing.customer("Someone else");
        billing.octoberUsage(customer);
        billing.closeOctober();
        billing.run();
        String id = customer.invoices().get(0).get("id").asText();
        String before = customer.get("/invoices/" + id).raw().body();
        String payments = "/accounts/" + customer.id() + "/invoices/" + id + "/payments";

        assertThat(customer.get("/invoices/0123456789abcdef0123456789abcdef").status()).isEqualTo(404);
        assertThat(other.get("/invoices/" + id).status()).as("another account's invoice").isEqualTo(404);
        assertThat(server.http().call("GET", "/accounts/" + customer.id() + "/invoices/" + id)
                .bearer(other.reader()).send().status()).as("another account's token").isEqualTo(403);
        assertThat(server.http().call("POST", payments).bearer(customer.writer())
                .json("{\"amount\": \"1.00\", \"reference\": \"x\"}").send().status())
                .as("payments are recorded by the operator").isEqualTo(403);
        for (String body : List.of("{\"amount\": \"-1.00\", \"reference\": \"x\"}",
                "{\"amount\": \"0\", \"reference\": \"x\"}",
                "{\"amount\": \"1.001\", \"reference\": \"x\"}",
                "{\"amount\": \"999999.00\", \"reference\": \"x\"}",
                "{\"amount\": 1e999999999, \"reference\": \"x\"}",
                "{\"amount\": \"abc\", \"reference\": \"x\"}",
                "{\"amount\": \"1.00\"}",
                "{\"amount\": null, \"reference\": \"x\"}",
                "{\"amount\": \"1.00\", \"reference\": \"x\", \"currency\": \"EUR\"}",
                "{\"amount\": \"1.00\", \"reference\": \"x\", \"extra\": 1}")) {
            Reply reply = server.asOperator("POST", payments).json(body).send();
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(400);
            assertThat(reply.json().get("success").asBoolean()).isFalse();
            assertThat(reply.json().get("errors").get(0).get("source").get("pointer").asText()).startsWith("/");
        }
        assertThat(server.asOperator("POST", "/accounts/" + other.id() + "/invoices/" + id + "/payments")
                .json("{\"amount\": \"1.00\", \"reference\": \"x\"}").send().status()).isEqualTo(404);
        assertThat(customer.get("/invoices/" + id).raw().body()).as("nothing changed").isEqualTo(before);

        assertThat(server.asOperator("POST", payments).json("{\"amount\": \"" + customer.invoice(id)
                .get("total").asText() + "\", \"reference\": \"in full\"}").send().status()).isEqualTo(201);
        String paid = customer.get("/invoices/" + id).raw().body();
        assertThat(billing.operator("POST", "/accounts/" + customer.id() + "/invoices/" + id + "/void").status())
                .as("void of a paid invoice").isEqualTo(409);
        assertThat(server.asOperator("POST", payments).json("{\"amount\": \"0.01\", \"reference\": \"more\"}").send()
                .status()).as("a paid invoice takes no payment").isEqualTo(409);
        assertThat(customer.get("/invoices/" + id).raw().body()).isEqualTo(paid);
    }

    @Test
    void feesAreSetByTheOperatorAndBilledWhole() {
        Customer customer = billing.customer("Fees");
        assertThat(customer.get("/subscription-fees").result()).isEmpty();
        assertThat(billing.operator("PUT", "/accounts/" + customer.id() + "/subscription-fees/no.such.fee").status())
                .isEqualTo(404);
        Reply held = server.asOperator("PUT", "/accounts/" + customer.id()
                + "/subscription-fees/workers_paid.subscription").json("{\"start_day\": \"2026-10-20\"}").send();
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.result().get("price").asText()).isEqualTo("5.00");
        assertThat(server.http().call("PUT", "/accounts/" + customer.id()
                        + "/subscription-fees/workers_paid.subscription").bearer(customer.writer()).send().status())
                .as("only the operator sets fees").isEqualTo(403);
        billing.closeOctober();
        billing.run();
        JsonNode invoice = customer.invoice(customer.invoices().get(0).get("id").asText());
        assertThat(invoice.get("lines")).hasSize(1);
        assertThat(invoice.get("total").asText()).as("not prorated").isEqualTo("5.00");

        CLOCK.set(Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(billing.operator("DELETE", "/accounts/" + customer.id() + "/subscription-fees/workers_paid.subscription")
                .result().get("end_day").asText()).isEqualTo("2026-11-10");
        Reply backdated = server.asOperator("PUT", "/accounts/" + customer.id()
                + "/subscription-fees/workers_paid.subscription").json("{\"start_day\": \"2026-10-02\"}").send();
        assertThat(backdated.status()).as("October is billed already").isEqualTo(400);
    }

    @Test
    void profileIsCreatedOnceDeletedAndGetsACardThroughASetupIntent() {
        Customer customer = billing.customer("Profile lifecycle");
        Reply created = customer.write("POST", "/billing/profile", "{\"first_name\": \"Ada\", \"billing_email\": "
                + "\"ada@example.com\", \"preferred_locale\": \"en-GB\", \"cf_turnstile_response\": \"token\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.result().get("first_name").asText()).isEqualTo("Ada");
        assertThat(created.result().has("cf_turnstile_response")).isFalse();
        Reply twice = customer.write("POST", "/billing/profile", "{\"first_name\": \"Eve\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("errors").get(0).get("message").asText()).contains("billing profile already");
        assertThat(customer.get("/billing/profile").result().get("first_name").asText()).isEqualTo("Ada");
        assertThat(customer.write("PATCH", "/billing/profile", "{\"payment_gateway\": \"stripe\"}").status())
                .as("paygo has the test and manual gateways").isEqualTo(400);

        Reply intent = server.http().call("POST", "/accounts/" + customer.id() + "/billing/profile/payment-method")
                .bearer(customer.writer()).send();
        assertThat(intent.status()).as(intent.toString()).isEqualTo(201);
        assertThat(intent.result().get("intent_type").asText()).isEqualTo("setup_intent");
        String secret = intent.result().get("client_secret").asText();
        assertThat(secret).startsWith("seti_");
        String confirm = "/billing/profile/payment-method/confirm";
        assertThat(customer.write("POST", confirm, "{\"client_secret\": \"" + secret + "\", \"card_number\": "
                + "\"4242 4242 4242 4241\", \"card_expiry_month\": 1, \"card_expiry_year\": 2031}").status())
                .as("a number failing the Luhn check").isEqualTo(400);
        Reply confirmed = customer.write("POST", confirm, "{\"client_secret\": \"" + secret + "\", \"card_number\": "
                + "\"4242 4242 4242 4242\", \"card_expiry_month\": 1, \"card_expiry_year\": 2031}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.result().get("card_number").asText()).isEqualTo("XXXX-XXXX-XXXX-4242");
        assertThat(customer.write("POST", confirm, "{\"client_secret\": \"" + secret + "\", \"card_number\": "
                + "\"5555 5555 5555 4444\", \"card_expiry_month\": 1, \"card_expiry_year\": 2031}").status())
                .as("an intent confirms once").isEqualTo(400);
        assertThat(customer.get("/billing/profile").result().get("card_number").asText())
                .isEqualTo("XXXX-XXXX-XXXX-4242");

        Reply deleted = server.http().call("DELETE", "/accounts/" + customer.id() + "/billing/profile")
                .bearer(customer.writer()).send();
        assertThat(deleted.status()).isEqualTo(200);
        JsonNode empty = customer.get("/billing/profile").result();
        assertThat(empty.has("first_name")).isFalse();
        assertThat(empty.has("card_number")).isFalse();
        assertThat(customer.write("POST", "/billing/profile", "{\"first_name\": \"Eve\"}").status()).isEqualTo(201);

        assertThat(customer.write("PATCH", "/billing/profile", "{\"payment_gateway\": \"manual\"}").status())
                .isEqualTo(200);
        assertThat(server.http().call("POST", "/accounts/" + customer.id() + "/billing/profile/payment-method")
                .bearer(customer.writer()).send().status()).as("bank transfers take no card").isEqualTo(409);
    }

    @Test
    void upcomingInvoiceIsTheCurrentPeriodSoFarAndIsNeverStored() {
        Customer customer = billing.customer("Upcoming");
        customer.send("workers.requests", "10500000", "2026-10-09T10:00:00Z");
        JsonNode upcoming = customer.get("/invoices/upcoming").result();
        assertThat(upcoming.get("status").asText()).isEqualTo("upcoming");
        assertThat(upcoming.get("period_start").asText()).isEqualTo("2026-10-01");
        assertThat(upcoming.get("total").asText()).isEqualTo("0.15");
        assertThat(upcoming.has("number")).isFalse();
        assertThat(customer.invoices()).isEmpty();
    }
}
