package dev.paygo.invoice;

import dev.paygo.payment.DunningSchedule;
import java.time.Duration;

/**
 * How billing runs.
 *
 * @param invoiceGrace how long after a billing period ends its invoice waits (late usage still arriving)
 * @param intervalSeconds seconds between background billing runs; 0: never in the background (runs happen on
 *     demand only: {@code POST /billing/runs} or {@code paygo bill})
 * @param dunning when failed payments are tried again
 */
public record BillingSettings(Duration invoiceGrace, int intervalSeconds, DunningSchedule dunning) {
    public static final BillingSettings DEFAULT = new BillingSettings(Duration.ofHours(1), 60, DunningSchedule.DEFAULT);

    public BillingSettings {
        if (invoiceGrace.isNegative()) {
            throw new IllegalArgumentException("the invoice grace cannot be negative: " + invoiceGrace);
        }
        if (intervalSeconds < 0) {
            throw new IllegalArgumentException("the billing interval cannot be negative: " + intervalSeconds);
        }
    }

    public BillingSettings withIntervalSeconds(int value) {
        return new BillingSettings(invoiceGrace, value, dunning);
    }

    public BillingSettings withInvoiceGrace(Duration value) {
        return new BillingSettings(value, intervalSeconds, dunning);
    }

    public BillingSettings withDunning(DunningSchedule value) {
        return new BillingSettings(invoiceGrace, intervalSeconds, value);
    }
}
