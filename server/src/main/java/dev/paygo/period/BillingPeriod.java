package dev.paygo.period;

import java.time.LocalDate;

/** One billing period: the UTC days {@code [start, end)}. */
public record BillingPeriod(LocalDate start, LocalDate end) {
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }
}
