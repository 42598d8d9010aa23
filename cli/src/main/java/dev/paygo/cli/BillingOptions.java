package dev.paygo.cli;

import dev.paygo.ServerConfig;
import dev.paygo.invoice.BillingSettings;
import dev.paygo.payment.DunningSchedule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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

    /** {@code config} with these options applied and background runs every {@code intervalSeconds}. */
    ServerConfig apply(ServerConfig config, int intervalSeconds) {
        if (lateEventDays < 0) {
            throw new ParameterException(spec.commandLine(), "--late-event-days must not be negative");
        }
        Duration grace;
        try {
            grace = Duration.parse(invoiceGrace);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--invoice-grace must be an ISO-8601 duration such as "
                    + "PT1H, not '" + invoiceGrace + "'");
        }
        try {
            return config.withLateEventDays(lateEventDays).withBilling(new BillingSettings(grace, intervalSeconds,
                    DunningSchedule.parse(dunning)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--invoice-grace, --billing-interval or --dunning: "
                    + e.getMessage());
        }
    }
}
