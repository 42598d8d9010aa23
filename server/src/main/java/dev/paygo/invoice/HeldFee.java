package dev.paygo.invoice;

import dev.paygo.catalog.SubscriptionFee;
import dev.paygo.period.BillingPeriod;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A plan fee an account holds from {@code from} until the day before {@code until} (open-ended when empty).
 * Fees are billed whole, not prorated: a period in which the fee is held on any day bills it once.
 */
public record HeldFee(SubscriptionFee fee, LocalDate from, Optional<LocalDate> until) {
    /** True when the fee is held on some day of the period. */
    public boolean heldDuring(BillingPeriod period) {
        return from.isBefore(period.end()) && until.map(u -> u.isAfter(period.start())).orElse(true)
                && until.map(u -> u.isAfter(from)).orElse(true);
    }
}
