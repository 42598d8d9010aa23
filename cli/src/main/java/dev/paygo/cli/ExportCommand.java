package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.account.Account;
import dev.paygo.error.PaygoException;
import dev.paygo.focus.ExportFormat;
import dev.paygo.focus.FocusWriter;
import dev.paygo.focus.GroupBy;
import dev.paygo.org.Organization;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paygo export focus}: FOCUS 1.3 records of an account or an organization's accounts, from the
 * database directly, to a CSV or Parquet file, with a progress bar on stderr. The file appears whole or not at all
 * (written next to it, then moved).
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export data for other tools.",
        subcommands = ExportCommand.Focus.class)
final class ExportCommand {

    @Command(name = "focus", mixinStandardHelpOptions = true, description = "Write FOCUS 1.3 cost and usage records "
            + "(what GET /accounts/{id}/billable/usage answers) to a CSV or Parquet file.")
    static final class Focus implements Callable<Integer> {
        private static final int BAR = 30;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption database;

        @Option(names = "--format", required = true, description = "csv or parquet")
        String format;

        @Option(names = "--from", required = true, description = "the first UTC day, e.g. 2026-01-01")
        LocalDate from;

        @Option(names = "--to", required = true, description = "the last UTC day (inclusive)")
        LocalDate to;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Whose whose;

        @Option(names = "--group-by", description = "zone or tag:KEY (repeatable): split each day's record")
        List<String> groupBy = List.of();

        @Option(names = "--out", required = true, description = "the file to write")
        Path out;

        /** Whose records: one account, or an organization's member accounts. */
        static final class Whose {
            @Option(names = "--account", description = "one account's id")
            String account;

            @Option(names = "--organization", description = "an organization's id: its member accounts")
            String organization;
        }

        @Override
        public Integer call() throws IOException {
            ExportFormat exportFormat = ExportFormat.parse(format);
            GroupBy grouping = GroupBy.parse(groupBy);
            if (from.isAfter(to)) {
                throw PaygoException.invalid("/to", "--to must not be before --from");
            }
            PrintWriter err = spec.commandLine().getErr();
            try (PaygoServer paygo = PaygoServer.open(database.config())) {
                List<Account> accounts = accounts(paygo);
                Path partial = out.resolveSibling(out.getFileName() + ".part");
                AtomicLong records = new AtomicLong();
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial));
                     FocusWriter writer = FocusWriter.open(exportFormat, file)) {
                    paygo.focus().stream(accounts, from, to, grouping, r -> {
                        writer.write(r);
                        records.incrementAndGet();
                    }, (done, total) -> bar(err, done, total, records.get()));
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(partial);
                    throw e;
                }
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
                err.println();
                spec.commandLine().getOut().printf("wrote %d records of %d account(s), %s to %s, to %s (%d bytes)%n",
                        records.get(), accounts.size(), from, to, out, Files.size(out));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }

        private List<Account> accounts(PaygoServer paygo) {
            if (whose.account != null) {
                return List.of(paygo.accounts().find(whose.account)
                        .orElseThrow(() -> PaygoException.notFound("/accounts/" + whose.account)));
            }
            Organization organization = paygo.organizations().get(whose.organization,
                    "/organizations/" + whose.organization);
            return paygo.organizations().members(organization);
        }

        private static void bar(PrintWriter err, long done, long total, long records) {
            int filled = total == 0 ? BAR : (int) (BAR * done / total);
            err.printf("\r[%s%s] %3d%%  %d/%d account-days, %d records", "#".repeat(filled), ".".repeat(BAR - filled),
                    total == 0 ? 100 : 100 * done / total, done, total, records);
            err.flush();
        }
    }
}
