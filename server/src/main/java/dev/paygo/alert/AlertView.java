package dev.paygo.alert;

import dev.paygo.period.BillingPeriod;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An alert on the wire, as the alert endpoints answer it and {@code spend.threshold_reached} carries it:
 * {@code fired_at} is when it fired in the current period ({@code period_start} to the day before
 * {@code period_end}), absent until it has.
 */
record AlertView(String id, String accountId, String amount, String currency, Instant createdAt, LocalDate periodStart,
                 LocalDate periodEnd, Instant firedAt, Instant lastFiredAt) {
    static AlertView of(SpendAlert a, BillingPeriod period) {
        return new AlertView(a.id(), a.accountId(), a.amount().toWire(), a.amount().currencyCode(), a.createdAt(), period.start(),
                period.end(), a.firedAt().orElse(null), a.lastFiredAt().orElse(null));
    }
}
