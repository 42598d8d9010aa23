package dev.paygo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.PaygoServer;
import dev.paygo.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands, run as a user runs them, against a real SQLite file. */
class PaygoCliTest {
    @TempDir
    Path folder;


    private Path writeEuroCatalog() {
        try {
            return java.nio.file.Files.writeString(folder.resolve("euro.yaml"), """
                    currencies: [USD, EUR]
                    metrics:
                      - {id: api.calls, family: API, name: API calls, consumed_unit: call, pricing_unit: call,
                         pricing_unit_size: 1, pricing_rounding: up,
                         versions: [{effective_from: 2025-01-01, tiers: [{price: {USD: "0.001", EUR: "0.0009"}}]}]}
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String database() {
        return "jdbc:sqlite:" + folder.resolve("cli.db");
    }

    @Test
    void migrateAccountCreateAndTokenCreateWorkTogether() {
        CliRun migrate = CliRun.of("migrate", "--database", database());
        assertThat(migrate.exitCode()).isZero();
        assertThat(migrate.out()).contains("migration(s) applied");

        CliRun unpriced = CliRun.of("account", "create", "--database", database(), "--name", "CLI Corp", "--currency", "EUR");
        assertThat(unpriced.exitCode()).isEqualTo(2);
        assertThat(unpriced.err()).contains("/billing_currency must be a currency the price catalog prices in (USD)");

        Path euroCatalog = writeEuroCatalog();
        CliRun account = CliRun.of("account", "create", "--database", database(), "--catalog", euroCatalog.toString(),
                "--name", "CLI Corp", "--currency", "EUR", "--anchor", "2025-01-31T00:00:00Z");
        assertThat(account.exitCode()).as(account.err()).isZero();
        String accountId = account.out().split("\t")[0];
        assertThat(accountId).matches("[0-9a-f]{32}");
        assertThat(account.out()).contains("EUR").contains("2025-01-31T00:00:00Z");

        CliRun token = CliRun.of("token", "create", "--database", database(), "--catalog", euroCatalog.toString(),
                "--account", accountId, "--permission", "billing_read,billing_write");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String value = token.out().strip();
        assertThat(value).matches("[A-Za-z0-9_-]{40}");

        try (PaygoServer paygo = PaygoServer.open(ServerConfig.defaults().withDatabaseUrl(database())
                .withCatalogFile(java.util.Optional.of(euroCatalog)))) {
            var stored = paygo.tokens().authenticate(value).orElseThrow();
            assertThat(stored.accountId()).isEqualTo(accountId);
            assertThat(stored.allows(accountId, dev.paygo.auth.PermissionGroup.BILLING_WRITE)).isTrue();
            assertThat(stored.allows(accountId, dev.paygo.auth.PermissionGroup.USAGE_WRITE)).isFalse();
        }
    }

    @Test
    void operatorTokenCreatedByTheCliAuthenticatesAsOperator() {
        CliRun created = CliRun.of("operator-token", "create", "--database", database());
        assertThat(created.exitCode()).isZero();
        try (PaygoServer paygo = PaygoServer.open(ServerConfig.defaults().withDatabaseUrl(database())
                .withOperatorToken(Optional.empty()))) {
            assertThat(paygo.operators().authenticate(created.out().strip())).isPresent();
            assertThat(paygo.operators().authenticate("x".repeat(40))).isEmpty();
        }
    }

    @Test
    void badInputIsReportedWithoutAStackTrace() {
        CliRun account = CliRun.of("account", "create", "--database", database(), "--name", "X", "--currency", "usd");
        assertThat(account.exitCode()).isEqualTo(2);
        assertThat(account.err()).contains("billing_currency").doesNotContain("Exception");

        CliRun token = CliRun.of("token", "create", "--database", database(), "--account", "0".repeat(32),
                "--permission", "billing_read");
        assertThat(token.exitCode()).isEqualTo(2);
        assertThat(token.err()).contains("no account");
    }

    @Test
    void billIssuesDueInvoicesOnceAndInvoicesCommandsShowThem() {
        java.time.LocalDate periodEnd = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3);
        CliRun account = CliRun.of("account", "create", "--database", database(), "--name", "Billed Corp", "--anchor",
                periodEnd + "T00:00:00Z");
        assertThat(account.exitCode()).as(account.err()).isZero();
        String accountId = account.out().split("\t")[0];
        try (PaygoServer paygo = PaygoServer.open(ServerConfig.defaults().withDatabaseUrl(database()))) {
            paygo.fees().hold(paygo.accounts().find(accountId).orElseThrow(), "workers_paid.subscription",
                    Optional.of(periodEnd.minusMonths(1)));
        }

        CliRun bill = CliRun.of("bill", "--database", database());
        assertThat(bill.exitCode()).as(bill.err()).isZero();
        assertThat(bill.out()).contains("invoices issued: 1");
        assertThat(CliRun.of("bill", "--database", database()).out()).contains("invoices issued: 0");

        CliRun list = CliRun.of("invoices", "list", "--database", database(), "--account", accountId);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("PG-" + java.time.Year.now(java.time.ZoneOffset.UTC) + "-000001")
                .contains("open").contains("5.00");
        String invoiceId = list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[1];
        CliRun show = CliRun.of("invoices", "show", "--database", database(), "--account", accountId, invoiceId);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Workers Paid plan (subscription)").contains("total 5.00 USD, paid 0.00, due 5.00");

        CliRun unknown = CliRun.of("invoices", "show", "--database", database(), "--account", accountId,
                "0123456789abcdef0123456789abcdef");
        assertThat(unknown.exitCode()).isNotZero();
        CliRun badDunning = CliRun.of("bill", "--database", database(), "--dunning", "P3D,P1D");
        assertThat(badDunning.exitCode()).isEqualTo(2);
        assertThat(badDunning.err()).contains("earlier");
        CliRun badIssuer = CliRun.of("bill", "--database", database(), "--invoice-issuer", "Example Inc.||1 Main St");
        assertThat(badIssuer.exitCode()).isEqualTo(2);
        assertThat(badIssuer.err()).contains("--invoice-issuer").contains("1 to 8 lines");
        CliRun shortLease = CliRun.of("bill", "--database", database(), "--billing-lock-lease", "PT0.5S");
        assertThat(shortLease.exitCode()).isEqualTo(2);
        assertThat(shortLease.err()).contains("--billing-lock-lease").contains("at least one second: PT0.5S");
        CliRun unreadableLease = CliRun.of("serve", "--database", database(), "--billing-lock-lease", "15");
        assertThat(unreadableLease.exitCode()).isEqualTo(2);
        assertThat(unreadableLease.err()).contains("--billing-lock-lease must be an ISO-8601 duration such as PT15S or "
                + "PT1H, not '15'");
        CliRun unreadableGrace = CliRun.of("bill", "--database", database(), "--invoice-grace", "1h");
        assertThat(unreadableGrace.exitCode()).isEqualTo(2);
        assertThat(unreadableGrace.err()).contains("--invoice-grace must be an ISO-8601 duration such as PT15S or PT1H, "
                + "not '1h'");
        CliRun badUrl = CliRun.of("serve", "--database", database(), "--public-url", "https://billing.example.com/pay");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--public-url must be http(s)://host[:port] without a path");
    }

    @Test
    void creditGrantedFromTheCommandLinePaysPartOfTheNextInvoice() {
        java.time.LocalDate periodEnd = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3);
        CliRun account = CliRun.of("account", "create", "--database", database(), "--name", "Credited Corp", "--anchor",
                periodEnd + "T00:00:00Z");
        String accountId = account.out().split("\t")[0];
        try (PaygoServer paygo = PaygoServer.open(ServerConfig.defaults().withDatabaseUrl(database()))) {
            paygo.fees().hold(paygo.accounts().find(accountId).orElseThrow(), "workers_paid.subscription",
                    Optional.of(periodEnd.minusMonths(1)));
        }
        CliRun grant = CliRun.of("credits", "grant", "--database", database(), "--account", accountId, "--amount", "3.00",
                "--valid-to", "2099-01-01T00:00:00Z", "--description", "Launch credit");
        assertThat(grant.exitCode()).as(grant.err()).isZero();
        assertThat(grant.out()).contains("3.00 USD");
        CliRun refused = CliRun.of("credits", "grant", "--database", database(), "--account", accountId, "--amount", "-1",
                "--valid-to", "2099-01-01T00:00:00Z", "--description", "Negative");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("/amount").doesNotContain("\tat ");

        assertThat(CliRun.of("bill", "--database", database()).out()).contains("invoices issued: 1");
        CliRun list = CliRun.of("invoices", "list", "--database", database(), "--account", accountId);
        String invoiceId = list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[1];
        CliRun show = CliRun.of("invoices", "show", "--database", database(), "--account", accountId, invoiceId);
        assertThat(show.out()).contains("Credit: Launch credit").contains("-3.00")
                .contains("total 2.00 USD, paid 0.00, due 2.00");
        CliRun credits = CliRun.of("credits", "list", "--database", database(), "--account", accountId);
        assertThat(credits.exitCode()).as(credits.err()).isZero();
        assertThat(credits.out()).contains("Launch credit").contains("used");
        assertThat(credits.out().lines().count()).isEqualTo(2);
    }
}
