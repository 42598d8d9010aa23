package dev.paygo.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When credit runs out at the current period's burn rate, in exact arithmetic (docs/api.md, "Credits").
 *
 * <p>The period's usage so far costs {@code C} over {@code e} days (its first day to today, both counted): spend
 * accrues at {@code C / e} a day from the period's first day, {@code d × C / e} by the end of its {@code d}-th
 * day. A balance {@code B} runs out on the {@code ceil(B × e / C)}-th day of the period — never before today, and
 * never after the last day a grant is in force (the credit expires first). Without spend so far, that last day.
 * Only the final whole-day ceiling divides, so nothing is rounded before it. It is a steady-rate estimate: it
 * does not model that credit is taken when each invoice is finalized.
 */
final class DepletionForecast {
    private DepletionForecast() {
    }

    /** The projected depletion day; empty when nothing is left. */
    static Optional<LocalDate> project(BigDecimal balance, LocalDate lastDayInForce, LocalDate periodStart,
                                       LocalDate today, BigDecimal costSoFar) {
        if (balance.signum() <= 0) {
            return Optional.empty();
        }
        if (costSoFar.signum() <= 0) {
            return Optional.of(lastDayInForce);
        }
        BigDecimal elapsed = BigDecimal.valueOf(ChronoUnit.DAYS.between(periodStart, today) + 1);
        long day = balance.multiply(elapsed).divide(costSoFar, 0, RoundingMode.CEILING).longValueExact();
        LocalDate runsOut = periodStart.plusDays(day - 1);
        if (runsOut.isBefore(today)) {
            runsOut = today;
        }
        return Optional.of(runsOut.isAfter(lastDayInForce) ? lastDayInForce : runsOut);
    }

    /** The last day an instant-bounded validity covers: the day of the last millisecond before {@code validTo}. */
    static LocalDate lastDayBefore(Instant validTo) {
        return LocalDate.ofInstant(validTo.minusMillis(1), ZoneOffset.UTC);
    }
}
