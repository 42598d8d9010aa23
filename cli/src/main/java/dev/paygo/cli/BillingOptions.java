package dev.paygo.cli;

import dev.paygo.ServerConfig;
import dev.paygo.invoice.BillingSettings;
import dev.paygo.payment.DunningSchedule;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that decide what a billing run does, shared by {@code serve} (background runs) and {@code bill}
 * (one run now): both must bill alike.
 */
final class BillingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--late-event-days", defaultValue = "${env:PAYGO_LATE_EVENT_DAYS:-35}",
            description = "how many days back a usage event may lie (env PAYGO_LATE_EVENT_DAYS; default "
                    + "${DEFAULT-VALUE})")
    int lateEventDays;

    @Option(names = "--invoice-grace", defaultValue = "${env:PAYGO_INVOICE_GRACE:-PT1H}", paramLabel = "DURATION",
            description = "how long after a billing period ends its invoice is issued, ISO-8601 "
                    + "(env PAYGO_INVOICE_GRACE; default ${DEFAULT-VALUE})")
    String invoiceGrace;

    @Option(names = "--dunning", defaultValue = "${env:PAYGO_DUNNING:-P1D,P3D,P5D}", paramLabel = "DURATIONS",
            description = "when a failed payment is retried, as times after the first failure; after the last "
                    + "the invoice is uncollectible; PT0S = at the next run (env PAYGO_DUNNING; default "
                    + "${DEFAULT-VALUE})")
    String dunning;

    @Option(names = "--invoice-issuer", defaultValue = "${env:PAYGO_INVOICE_ISSUER}", paramLabel = "LINES",
            description = "who issues the invoices, as their pages and PDFs show it: a name, then address and tax id "
                    + "lines, separated by '|', e.g. 'Example Cloud Inc.|1 Main St|San Francisco, CA 94105' "
                    + "(env PAYGO_INVOICE_ISSUER; default: the catalog's provider)")
    String invoiceIssuer;

    @Option(names = "--billing-lock-lease", defaultValue = "${env:PAYGO_BILLING_LOCK_LEASE:-PT15S}",
            paramLabel = "DURATION", description = "how long the billing lock outlives a run whose node died: the next "
                    + "run, on any node, waits at most this long; at least PT1S (env PAYGO_BILLING_LOCK_LEASE; "
                    + "default ${DEFAULT-VALUE})")
    String lockLease;

    /** {@code config} with these options applied and background runs every {@code intervalSeconds}. */
    ServerConfig apply(ServerConfig config, int intervalSeconds) {
        if (lateEventDays < 0) {
            throw new ParameterException(spec.commandLine(), "--late-event-days must not be negative");
        }
        Duration grace = DurationOption.parse(spec, "--invoice-grace", invoiceGrace);
        Duration lease = DurationOption.parse(spec, "--billing-lock-lease", lockLease);
        try {
            List<String> issuer = invoiceIssuer == null || invoiceIssuer.isBlank() ? List.of()
                    : Arrays.stream(invoiceIssuer.split("\\|")).map(String::strip).toList();
            return config.withLateEventDays(lateEventDays).withBilling(new BillingSettings(grace, intervalSeconds,
                    DunningSchedule.parse(dunning), issuer, lease));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--invoice-grace, --billing-interval, --dunning, "
                    + "--invoice-issuer or --billing-lock-lease: " + e.getMessage());
        }
    }
}
