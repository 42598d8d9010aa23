package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.invoice.RunReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paygo bill}: one billing run now, directly on the database (what {@code POST /billing/runs} does). */
@Command(name = "bill", mixinStandardHelpOptions = true, description = "Run billing once now: issue due invoices, "
        + "charge due payments; prints what it did.")
final class BillCommand implements Callable<Integer> {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Mixin
    BillingOptions billing;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (PaygoServer paygo = PaygoServer.open(billing.apply(database.config(), 0))) {
            var report = paygo.billing().run(WAIT);
            if (report.isEmpty()) {
                spec.commandLine().getErr().println("another billing run held the lock for " + WAIT.toSeconds()
                        + " s: try again when it ends");
                return 1;
            }
            print(out, report.get());
        }
        return 0;
    }

    static void print(PrintWriter out, RunReport r) {
        out.printf("invoices issued: %d%n", r.invoicesIssued());
        out.printf("payments attempted: %d %s%n", r.paymentsAttempted(), r.payments());
        out.printf("pending attempts finished: %d%n", r.recovered());
        out.printf("failures: %d%s%n", r.failures(), r.complete() ? "" : " (the run lost its lock part-way)");
        out.printf("took %d ms%n", Duration.between(r.startedAt(), r.finishedAt()).toMillis());
        out.flush();
    }
}
