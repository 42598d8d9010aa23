package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.account.Account;
import dev.paygo.paging.PageRequest;
import dev.paygo.invoice.Invoice;
import dev.paygo.invoice.InvoiceLine;
import dev.paygo.payment.PaymentAttempt;
import java.io.PrintWriter;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code paygo invoices list} and {@code paygo invoices show}: an account's invoices, from the database. */
@Command(name = "invoices", mixinStandardHelpOptions = true, description = "Read an account's invoices.",
        subcommands = {InvoicesCommand.ListInvoices.class, InvoicesCommand.Show.class})
final class InvoicesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The account's invoices, newest first.")
    static final class ListInvoices extends OnAccountCommand {
        @Override
        void print(PaygoServer paygo, Account account, PrintWriter out) {
            out.printf("%-16s %-32s %-22s %-13s %12s %12s%n", "NUMBER", "ID", "PERIOD", "STATUS", "TOTAL", "DUE");
            for (Invoice i : paygo.invoices().list(account, new PageRequest(1, PageRequest.MAX_PER_PAGE)).items()) {
                out.printf("%-16s %-32s %-22s %-13s %12s %12s %s%n", i.number(), i.id(), i.periodStart() + ".."
                        + i.periodEnd().minusDays(1), i.status().wire(), i.total().toWire(), i.due().toWire(),
                        i.total().currencyCode());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One invoice: lines and payments.")
    static final class Show extends OnAccountCommand {
        @Parameters(paramLabel = "INVOICE_ID", description = "the invoice's id")
        String invoiceId;

        @Override
        void print(PaygoServer paygo, Account account, PrintWriter out) {
            Invoice i = paygo.invoices().get(account, invoiceId);
            out.printf("Invoice %s (%s) for %s, %s to %s: %s%n", i.number(), i.id(), account.name(),
                    i.periodStart(), i.periodEnd().minusDays(1), i.status().wire());
            for (InvoiceLine l : i.lines()) {
                out.printf("  %2d %-11s %-60s %24s %-16s %12s%n", l.lineNo(), l.kind().wire(), l.description(),
                        l.quantity().map(BigDecimal::toPlainString).orElse(""), l.unit().orElse(""),
                        l.amount().toWire());
            }
            out.printf("  total %s %s, paid %s, due %s%n", i.total().toWire(), i.total().currencyCode(),
                    i.paid().toWire(), i.due().toWire());
            for (PaymentAttempt a : paygo.payments().listByInvoice(account.id(), i.id())) {
                out.printf("  payment %s via %s: %s %s%s%n", a.id(), a.gateway(), a.amount().toWire(),
                        a.outcome().wire(), a.failure().map(f -> " (" + f + ")").orElse(""));
            }
        }
    }
}
