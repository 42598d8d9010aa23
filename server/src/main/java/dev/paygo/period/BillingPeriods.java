package dev.paygo.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Monthly billing periods from an anchor, in UTC. A period starts on the anchor's day of the month; in a
 * month too short for that day (an anchor on the 29th to 31st) it starts on the month's last day instead,
 * and returns to the anchor's day the month after. Only the anchor's UTC date counts, not its time of day.
 */
public final class BillingPeriods {
    private final int anchorDay;

    public BillingPeriods(Instant anchor) {
        this.anchorDay = LocalDate.ofInstant(anchor, ZoneOffset.UTC).getDayOfMonth();
    }

    /** The period that holds {@code day}. */
    public BillingPeriod containing(LocalDate day) {
        LocalDate start = startIn(YearMonth.from(day));
        if (start.isAfter(day)) {
            start = startIn(YearMonth.from(day).minusMonths(1));
        }
        return new BillingPeriod(start, startIn(YearMonth.from(start).plusMonths(1)));
    }

    /** The period that starts in the given month. */
    public BillingPeriod startingIn(YearMonth month) {
        return new BillingPeriod(startIn(month), startIn(month.plusMonths(1)));
    }

    private LocalDate startIn(YearMonth month) {
        return month.atDay(Math.min(anchorDay, month.lengthOfMonth()));
    }
}
