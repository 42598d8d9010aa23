package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.account.Account;
import dev.paygo.credit.CreditGrant;
import dev.paygo.credit.CreditService;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paygo credits grant} and {@code paygo credits list}: an account's credit grants, on the database. */
@Command(name = "credits", mixinStandardHelpOptions = true, description = "Grant and read an account's credit.",
        subcommands = {CreditsCommand.Grant.class, CreditsCommand.ListCredits.class})
final class CreditsCommand {

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Grant credit: invoices use it before the card, the grant that ends first first.")
    static final class Grant extends OnAccountCommand {
        @Option(names = "--amount", required = true, description = "in the account's currency, e.g. 25.00")
        BigDecimal amount;

        @Option(names = "--valid-to", required = true, description = "when it expires, RFC 3339")
        OffsetDateTime validTo;

        @Option(names = "--valid-from", description = "when it starts, RFC 3339 (default: now)")
        OffsetDateTime validFrom;

        @Option(names = "--description", required = true, description = "shown on the invoices it pays")
        String description;

        @Override
        void print(PaygoServer paygo, Account account, PrintWriter out) {
            CreditGrant grant = paygo.credits().grant(account, new CreditService.Grant(amount,
                    account.billingCurrency(), Optional.ofNullable(validFrom).map(OffsetDateTime::toInstant),
                    validTo.toInstant(), description));
            out.printf("%s %s %s valid %s to %s%n", grant.id(), grant.amount().toWire(), grant.amount().currencyCode(),
                    grant.validFrom(), grant.validTo());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The grants, in the order invoices use them.")
    static final class ListCredits extends OnAccountCommand {
        @Override
        void print(PaygoServer paygo, Account account, PrintWriter out) {
            out.printf("%-32s %12s %12s %-4s %-9s %-20s %-20s %s%n", "ID", "AMOUNT", "REMAINING", "CUR", "STATUS",
                    "VALID FROM", "VALID TO", "DESCRIPTION");
            for (CreditGrant g : paygo.credits().list(account)) {
                out.printf("%-32s %12s %12s %-4s %-9s %-20s %-20s %s%n", g.id(), g.amount().toWire(),
                        g.remaining().toWire(), g.amount().currencyCode(), paygo.credits().status(g).wire(),
                        g.validFrom(), g.validTo(), g.description());
            }
        }
    }
}
