package dev.paygo.rating;

import dev.paygo.error.Problems;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/**
 * The days a usage query covers, {@code [from, to]} inclusive, from its query parameters: {@code from} and
 * {@code to} (dates), or {@code last_year_period_start} and {@code last_month_period_start} (the billing
 * period that starts in that month), or nothing (the current billing period). At most 62 days.
 */
public record UsageWindow(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 62;
    /** The longest window of Cloudflare's v2 (FOCUS) billable usage. */
    public static final int MAX_FOCUS_DAYS = 31;
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** @param param a query parameter by name, or null when absent */
    public static UsageWindow parse(Function<String, String> param, BillingPeriods periods, LocalDate today) {
        Problems problems = new Problems();
        String from = param.apply("from");
        String to = param.apply("to");
        String year = param.apply("last_year_period_start");
        String month = param.apply("last_month_period_start");
        boolean dates = from != null || to != null;
        boolean period = year != null || month != null;
        if (dates && period) {
            problems.addQuery(from != null ? "from" : "to", "cannot be combined with last_year_period_start and "
                    + "last_month_period_start: use one mode");
            problems.throwIfAny();
        }
        if (period) {
            Optional<Integer> y = whole(year, "last_year_period_start", 2000, 2199, problems);
            Optional<Integer> m = whole(month, "last_month_period_start", 1, 12, problems);
            problems.throwIfAny();
            BillingPeriod p = periods.startingIn(YearMonth.of(y.orElseThrow(), m.orElseThrow()));
            return new UsageWindow(p.start(), p.end().minusDays(1));
        }
        if (dates) {
            return between(from, to, MAX_DAYS, problems);
        }
        BillingPeriod current = periods.containing(today);
        return new UsageWindow(current.start(), current.end().minusDays(1));
    }

    /**
     * The window of a FOCUS query (Cloudflare's v2 billable usage): {@code from} and {@code to} together, at most
     * {@value #MAX_FOCUS_DAYS} days, or neither: the first of the current month through today.
     */
    public static UsageWindow parseFocus(Function<String, String> param, LocalDate today) {
        return parseRange(param, today, MAX_FOCUS_DAYS);
    }

    /** As {@link #parseFocus}, with at most {@code maxDays} days (an export's longer range). */
    public static UsageWindow parseRange(Function<String, String> param, LocalDate today, int maxDays) {
        String from = param.apply("from");
        String to = param.apply("to");
        if (from == null && to == null) {
            return new UsageWindow(today.withDayOfMonth(1), today);
        }
        return between(from, to, maxDays, new Problems());
    }

    private static UsageWindow between(String from, String to, int maxDays, Problems problems) {
        Optional<LocalDate> f = date(from, "from", "to", problems);
        Optional<LocalDate> t = date(to, "to", "from", problems);
        problems.throwIfAny();
        if (f.orElseThrow().isAfter(t.orElseThrow())) {
            problems.addQuery("from", "must not be after to");
        } else if (ChronoUnit.DAYS.between(f.get(), t.get()) + 1 > maxDays) {
            problems.addQuery("to", "must be at most " + maxDays + " days after from (inclusive): "
                    + "the range is " + (ChronoUnit.DAYS.between(f.get(), t.get()) + 1) + " days");
        }
        problems.throwIfAny();
        return new UsageWindow(f.get(), t.get());
    }

    private static Optional<LocalDate> date(String value, String name, String other, Problems problems) {
        if (value == null) {
            problems.addQuery(name, "is required with " + other);
            return Optional.empty();
        }
        // Four-digit years only: LocalDate also reads "+999999999-12-31", which no billing period can reach.
        if (!DATE.matcher(value).matches()) {
            problems.addQuery(name, "must be a date such as 2025-02-01, not '" + abbreviate(value) + "'");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            problems.addQuery(name, "must be a date such as 2025-02-01, not '" + abbreviate(value) + "'");
            return Optional.empty();
        }
    }

    private static Optional<Integer> whole(String value, String name, int min, int max, Problems problems) {
        if (value == null) {
            problems.addQuery(name, "is required with the other last_*_period_start parameter");
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.addQuery(name, "must be a whole number from " + min + " to " + max);
        return Optional.empty();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
