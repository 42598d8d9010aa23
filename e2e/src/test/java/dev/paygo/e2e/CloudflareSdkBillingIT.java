package dev.paygo.e2e;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.e2e.CloudflareSdk.Outcome;
import dev.paygo.testing.Http;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cloudflare's TypeScript SDK 7.3.0, unchanged but for its base URL, reading paygo's invoices and payments
 * ({@code billing.history.list}, {@code unpaidInvoice.get}, {@code badDebt.get}) and managing the profile
 * ({@code profiles.create}, {@code profiles.delete}, {@code profiles.paymentMethod.create}), and reading credit
 * and rate plans ({@code credits.get}, {@code ratePlans.get}).
 */
class CloudflareSdkBillingIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static TestServer server;
    private static String payer;
    private static String debtor;
    private static String payerReader;
    private static String debtorReader;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        payer = customer("Pays", "4242424242424242");
        debtor = customer("Declined", "4000000000000002");
        payerReader = server.createToken(payer, BILLING_READ);
        debtorReader = server.createToken(debtor, BILLING_READ);
        CLOCK.set(Instant.parse("2026-11-01T01:00:00Z"));
        run();
    }

    private static String customer(String name, String card) {
        String id = server.createAccount(name, "2026-10-01T00:00:00Z");
        String writer = server.createToken(id, BILLING_WRITE);
        Http.Reply profile = server.http().call("PUT", "/accounts/" + id + "/billing/profile").bearer(writer)
                .json("{\"payment_gateway\": \"test\", \"card_number\": \"" + card + "\", \"card_expiry_month\": 12, "
                        + "\"card_expiry_year\": 2030}").send();
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        String events = "{\"id\": \"a\", \"metric\": \"workers.requests\", \"quantity\": \"25000000\", \"timestamp\": "
                + "\"2026-10-03T10:00:00Z\"}\n{\"id\": \"b\", \"metric\": \"kv.keys_read\", \"quantity\": \"12000000\", "
                + "\"timestamp\": \"2026-10-04T10:00:00Z\"}";
        Http.Reply sent = server.http().call("POST", "/accounts/" + id + "/usage/events")
                .bearer(server.createToken(id, USAGE_WRITE)).headers("Content-Type", "application/x-ndjson")
                .body(events.getBytes(StandardCharsets.UTF_8)).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return id;
    }

    private static void run() {
        assertThat(server.asOperator("POST", "/billing/runs").send().status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CloudflareSdk sdk(String token) {
        return CloudflareSdk.withToken(server.checkedBaseUrl(), token).version(CloudflareSdk.V7);
    }

    @Test
    void historyListsInvoicesAndPaymentsNewestFirstAcrossPages() {
        Outcome all = sdk(payerReader).list("billing.history.list", Map.of("account_id", payer, "per_page", 1));
        assertThat(all.ok()).as(String.valueOf(all.error())).isTrue();
        JsonNode items = all.result();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("type").asText()).isEqualTo("payment");
        assertThat(items.get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(items.get(1).get("type").asText()).isEqualTo("invoice");
        assertThat(items.get(1).get("status").asText()).isEqualTo("paid");
        // 15M requests beyond the 10M included at $0.30/M, 2M KV reads beyond 10M at $0.50/M: $4.50 + $1.00.
        assertThat(items.get(1).get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("5.50"));
        assertThat(items.get(1).get("amount_to_pay").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(items.get(1).get("currency").asText()).isEqualTo("USD");
        assertThat(items.get(1).get("external_invoice_id").asText()).matches("PG-2026-[0-9]{6}");
        assertThat(items.get(0).get("invoice_id").asText()).isEqualTo(items.get(1).get("invoice_id").asText());

        Outcome paid = sdk(payerReader).list("billing.history.list", Map.of("account_id", payer, "status", "paid"));
        assertThat(paid.result()).hasSize(1);
    }

    @Test
    void unpaidInvoiceThenBadDebtFollowTheDunningSchedule() {
        Outcome unpaid = sdk(debtorReader).call("billing.unpaidInvoice.get", Map.of("account_id", debtor));
        assertThat(unpaid.ok()).as(String.valueOf(unpaid.error())).isTrue();
        assertThat(unpaid.result().get("invoices")).hasSize(1);
        assertThat(unpaid.result().get("invoices").get(0).get("status").asText()).isEqualTo("past_due");
        assertThat(unpaid.result().get("invoices").get(0).get("amount_to_pay").decimalValue())
                .isEqualByComparingTo(new BigDecimal("5.50"));
        Outcome noDebt = sdk(debtorReader).call("billing.badDebt.get", Map.of("account_id", debtor));
        assertThat(noDebt.result().get("bad_debt_status").asText()).isEqualTo("none");

        for (int days : new int[] {1, 3, 5}) {
            CLOCK.set(Instant.parse("2026-11-01T01:00:00Z").plus(Duration.ofDays(days)));
            run();
        }
        Outcome debt = sdk(debtorReader).call("billing.badDebt.get", Map.of("account_id", debtor));
        assertThat(debt.ok()).as(String.valueOf(debt.error())).isTrue();
        assertThat(debt.result().get("bad_debt_status").asText()).isEqualTo("outstanding");
        assertThat(debt.result().get("total_debt_amount").decimalValue()).isEqualByComparingTo(new BigDecimal("5.50"));
        assertThat(debt.result().get("already_paid").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(debt.result().get("invoices").get(0).get("status").asText()).isEqualTo("uncollectible");
        assertThat(sdk(debtorReader).call("billing.unpaidInvoice.get", Map.of("account_id", debtor)).result()
                .get("invoices")).isEmpty();
        Outcome attempts = sdk(debtorReader).list("billing.history.list", Map.of("account_id", debtor,
                "status", "declined"));
        assertThat(attempts.result()).hasSize(4);
    }

    @Test
    void profileIsCreatedDeletedAndGetsAPaymentMethodThroughTheSdk() {
        String account = server.createAccount("Profile via SDK", "2026-10-01T00:00:00Z");
        CloudflareSdk writer = sdk(server.createToken(account, BILLING_READ, BILLING_WRITE));
        Outcome created = writer.call("billing.profiles.create", Map.of("account_id", account, "first_name", "Grace",
                "last_name", "Hopper", "billing_email", "grace@example.com", "country", "US",
                "preferred_locale", "en-US", "cf_turnstile_response", "XXXX.DUMMY.TOKEN"));
        assertThat(created.ok()).as(String.valueOf(created.error())).isTrue();
        assertThat(created.result().get("first_name").asText()).isEqualTo("Grace");

        Outcome again = writer.call("billing.profiles.create", Map.of("account_id", account, "first_name", "Eve"));
        assertThat(again.ok()).isFalse();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorName()).isEqualTo("ConflictError");

        Outcome intent = writer.call("billing.profiles.paymentMethod.create", Map.of("account_id", account));
        assertThat(intent.ok()).as(String.valueOf(intent.error())).isTrue();
        assertThat(intent.result().get("intent_type").asText()).isEqualTo("setup_intent");
        assertThat(intent.result().get("client_secret").asText()).startsWith("seti_");

        Outcome deleted = writer.call("billing.profiles.delete", Map.of("account_id", account));
        assertThat(deleted.ok()).as(String.valueOf(deleted.error())).isTrue();
        JsonNode empty = writer.call("billing.profiles.get", Map.of("account_id", account)).result();
        assertThat(empty.has("first_name")).isFalse();
        assertThat(writer.call("billing.profiles.create", Map.of("account_id", account, "first_name", "Ada")).ok())
                .isTrue();
    }

    @Test
    void creditsAndRatePlansReadThroughTheSdk() {
        String account = server.createAccount("Credit via SDK", "2026-10-01T00:00:00Z");
        Http.Reply granted = server.asOperator("POST", "/accounts/" + account + "/credits").json("{\"amount\": "
                + "\"20.00\", \"valid_to\": \"2099-01-01T00:00:00Z\", \"description\": \"SDK credit\"}").send();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        Outcome credit = sdk(server.createToken(account, BILLING_READ)).call("billing.credits.get",
                Map.of("account_id", account));
        assertThat(credit.ok()).as(String.valueOf(credit.error())).isTrue();
        assertThat(credit.result().get("has_record").asBoolean()).isTrue();
        assertThat(credit.result().get("eligible").asBoolean()).isTrue();
        assertThat(credit.result().get("currency").asText()).isEqualTo("USD");
        assertThat(credit.result().get("original_amount_cents").asLong()).isEqualTo(2000);
        assertThat(credit.result().get("confirmed_balance_cents").asLong()).isEqualTo(2000);
        assertThat(credit.result().get("percent_consumed").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(credit.result().get("valid_to").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(credit.result().get("projected_depletion_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

        Outcome plan = sdk(payerReader).call("billing.ratePlans.get", "r2");
        assertThat(plan.ok()).as(String.valueOf(plan.error())).isTrue();
        assertThat(plan.result().get("id").asText()).isEqualTo("R2");
        assertThat(plan.result().get("public_name").asText()).isEqualTo("R2");
        assertThat(plan.result().get("currency").asText()).isEqualTo("USD");
        assertThat(plan.result().get("components").findValuesAsText("metric")).contains("r2.standard.class_a",
                "r2.standard.storage");
        Outcome unknown = sdk(payerReader).call("billing.ratePlans.get", "teams_free");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorName()).isEqualTo("NotFoundError");
    }
}
