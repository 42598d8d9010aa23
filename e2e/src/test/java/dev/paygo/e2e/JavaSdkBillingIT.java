package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.client.PaygoClient;
import dev.paygo.client.errors.NotFoundException;
import dev.paygo.client.errors.PermissionDeniedException;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.BadDebtGetResponse;
import dev.paygo.client.models.CreditGetResponse;
import dev.paygo.client.models.CreditGrant;
import dev.paygo.client.models.HistoryListResponse;
import dev.paygo.client.models.Invoice;
import dev.paygo.client.models.InvoiceLine;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.RatePlanGetResponse;
import dev.paygo.client.models.SpendAlert;
import dev.paygo.client.models.UsageEvent;
import dev.paygo.client.models.UsageIngestParams;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * paygo's Java SDK reading invoices, the billing history, unpaid invoices, bad debt, credit and rate plans from a
 * real paygo.
 */
class JavaSdkBillingIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static TestServer server;
    private static PaygoClient reader;
    private static AccountParams account;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        String id = server.createAccount("Java SDK billing", "2026-10-01T00:00:00Z");
        account = AccountParams.of(id);
        try (PaygoClient usage = PaygoClient.builder().baseUrl(server.checkedBaseUrl())
                .apiToken(server.createToken(id, PermissionGroup.USAGE_WRITE)).build()) {
            usage.billing().usage().ingest(UsageIngestParams.builder().accountId(id).events(List.of(
                    UsageEvent.builder().id("a").metric("workers.requests").quantity(new BigDecimal("13000000"))
                            .timestamp(OffsetDateTime.parse("2026-10-02T10:00:00Z")).build())).build());
        }
        CLOCK.set(Instant.parse("2026-11-01T01:00:00Z"));
        assertThat(server.asOperator("POST", "/billing/runs").send().status()).isEqualTo(200);
        reader = PaygoClient.builder().baseUrl(server.checkedBaseUrl())
                .apiToken(server.createToken(id, PermissionGroup.BILLING_READ)).build();
    }

    @AfterAll
    static void stop() {
        reader.close();
        server.close();
    }

    @Test
    void sdkReadsTheInvoiceWithItsLines() {
        List<Invoice> invoices = reader.billing().invoices().list(account, PageParams.first(10)).items();
        assertThat(invoices).hasSize(1);
        Invoice invoice = reader.billing().invoices().get(account, invoices.get(0).id().orElseThrow());
        assertThat(invoice.status()).isEqualTo("open");
        assertThat(invoice.periodStart()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(invoice.total()).isEqualByComparingTo("0.90");
        assertThat(invoice.amountDue().orElseThrow()).isEqualByComparingTo("0.90");
        List<InvoiceLine> lines = invoice.lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).metric()).contains("workers.requests");
        assertThat(lines.get(0).quantity().orElseThrow()).isEqualByComparingTo("13000000");
        assertThat(lines.get(0).amount()).isEqualByComparingTo("0.90");
        assertThatThrownBy(() -> reader.billing().invoices().get(account, "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void sdkReadsHistoryUnpaidInvoicesAndBadDebt() {
        List<HistoryListResponse> history = new ArrayList<>();
        reader.billing().history().list(account, PageParams.first(1)).autoPager().forEach(history::add);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).type()).contains("invoice");
        assertThat(history.get(0).amountToPay().orElseThrow()).isEqualByComparingTo("0.90");
        assertThat(reader.billing().history().list(account, PageParams.first(10), "paid").items()).isEmpty();

        assertThat(reader.billing().unpaidInvoice().get(account).invoices()).hasSize(1);
        BadDebtGetResponse debt = reader.billing().badDebt().get(account);
        assertThat(debt.badDebtStatus()).contains("none");
        assertThat(debt.totalDebtAmount().orElseThrow()).isEqualByComparingTo("0");

        Invoice upcoming = reader.billing().invoices().upcoming(account);
        assertThat(upcoming.status()).isEqualTo("upcoming");
        assertThat(upcoming.periodStart()).isEqualTo(LocalDate.parse("2026-11-01"));
    }

    @Test
    void sdkReadsCreditAndRatePlans() {
        assertThat(reader.billing().credits().get(account).hasRecord()).contains(false);
        assertThat(server.asOperator("POST", "/accounts/" + account.accountId() + "/credits").json("{\"amount\": "
                + "\"10.00\", \"valid_to\": \"2099-01-01T00:00:00Z\", \"description\": \"Java credit\"}").send()
                .status()).isEqualTo(201);
        CreditGetResponse credit = reader.billing().credits().get(account);
        assertThat(credit.hasRecord()).contains(true);
        assertThat(credit.originalAmountCents()).contains(1000L);
        assertThat(credit.confirmedBalanceCents()).contains(1000L);
        assertThat(credit.validTo()).contains(OffsetDateTime.parse("2099-01-01T00:00:00Z"));
        List<CreditGrant> grants = reader.billing().credits().list(account);
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).description()).isEqualTo("Java credit");
        assertThat(grants.get(0).remaining()).isEqualByComparingTo("10.00");
        assertThat(grants.get(0).status()).isEqualTo("active");

        RatePlanGetResponse plan = reader.billing().ratePlans().get("workers_kv");
        assertThat(plan.id()).contains("WORKERS_KV");
        assertThat(plan.publicName()).contains("Workers KV");
        assertThat(plan._additionalProperties().get("components").findValuesAsText("metric"))
                .contains("kv.keys_read", "kv.keys_written");
        assertThatThrownBy(() -> reader.billing().ratePlans().get("no_such_plan"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void sdkSetsListsAndDeletesSpendAlerts() throws Exception {
        try (PaygoClient writer = PaygoClient.builder().baseUrl(server.checkedBaseUrl())
                .apiToken(server.createToken(account.accountId(), PermissionGroup.BILLING_WRITE)).build()) {
            // November so far has no usage: an alert at $0.01 waits; October's $0.90 is another period.
            SpendAlert alert = writer.billing().alerts().create(account, new BigDecimal("0.01"));
            assertThat(alert.amount()).isEqualByComparingTo("0.01");
            assertThat(alert.periodStart()).isEqualTo(LocalDate.parse("2026-11-01"));
            assertThat(alert.firedAt()).isEmpty();
            assertThat(reader.billing().alerts().list(account)).extracting(SpendAlert::id).containsExactly(alert.id());
            assertThatThrownBy(() -> reader.billing().alerts().create(account, BigDecimal.ONE))
                    .as("Billing Read cannot set alerts").isInstanceOf(PermissionDeniedException.class);
            writer.billing().alerts().delete(account, alert.id());
            assertThat(reader.billing().alerts().list(account)).isEmpty();
        }
    }
}
