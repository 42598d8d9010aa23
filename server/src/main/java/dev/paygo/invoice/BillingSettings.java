package dev.paygo.invoice;

import dev.paygo.payment.DunningSchedule;
import java.time.Duration;
import java.util.List;

/**
 * How billing runs.
 *
 * @param invoiceGrace how long after a billing period ends its invoice waits (late usage still arriving)
 * @param intervalSeconds seconds between background billing runs; 0: never in the background (runs happen on
 *     demand only: {@code POST /billing/runs} or {@code paygo bill})
 * @param dunning when failed payments are tried again
 * @param issuer who issues the invoices, as their pages and PDFs name it: a name, then address and tax id lines;
 *     empty: the catalog's provider
 * @param lockLease how long the billing lock outlives a run that stops renewing it (its node died): the next run,
 *     on any node, waits at most this long; a run renews it every third of it. At least one second.
 */
public record BillingSettings(Duration invoiceGrace, int intervalSeconds, DunningSchedule dunning,
                              List<String> issuer, Duration lockLease) {
    public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(15);
    public static final BillingSettings DEFAULT = new BillingSettings(Duration.ofHours(1), 60, DunningSchedule.DEFAULT,
            List.of(), DEFAULT_LOCK_LEASE);
    /** At most this many issuer lines, of at most {@link #ISSUER_LINE_LENGTH} characters each. */
    public static final int ISSUER_LINES = 8;
    public static final int ISSUER_LINE_LENGTH = 200;

    public BillingSettings {
        if (invoiceGrace.isNegative()) {
            throw new IllegalArgumentException("the invoice grace cannot be negative: " + invoiceGrace);
        }
        if (intervalSeconds < 0) {
            throw new IllegalArgumentException("the billing interval cannot be negative: " + intervalSeconds);
        }
        if (lockLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the billing lock lease must be at least one second: " + lockLease);
        }
        issuer = List.copyOf(issuer);
        if (issuer.size() > ISSUER_LINES || issuer.stream().anyMatch(l -> l.isBlank() || l.length() > ISSUER_LINE_LENGTH)) {
            throw new IllegalArgumentException("the invoice issuer is 1 to " + ISSUER_LINES + " lines of 1 to "
                    + ISSUER_LINE_LENGTH + " characters");
        }
    }

    public BillingSettings withIntervalSeconds(int value) {
        return new BillingSettings(invoiceGrace, value, dunning, issuer, lockLease);
    }

    public BillingSettings withInvoiceGrace(Duration value) {
        return new BillingSettings(value, intervalSeconds, dunning, issuer, lockLease);
    }

    public BillingSettings withDunning(DunningSchedule value) {
        return new BillingSettings(invoiceGrace, intervalSeconds, value, issuer, lockLease);
    }

    public BillingSettings withIssuer(List<String> value) {
        return new BillingSettings(invoiceGrace, intervalSeconds, dunning, value, lockLease);
    }

    public BillingSettings withLockLease(Duration value) {
        return new BillingSettings(invoiceGrace, intervalSeconds, dunning, issuer, value);
    }
}
