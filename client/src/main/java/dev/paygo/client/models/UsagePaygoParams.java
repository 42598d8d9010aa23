package dev.paygo.client.models;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Params of {@code billing().usage().paygo(...)}: an account and a window, either {@code from}/{@code to}
 * (inclusive UTC days, at most 62), or the billing period starting in {@code lastYearPeriodStart}/
 * {@code lastMonthPeriodStart}, or neither (the current period). Immutable.
 */
public final class UsagePaygoParams {
    private final String accountId;
    private final LocalDate from;
    private final LocalDate to;
    private final Integer lastYearPeriodStart;
    private final Integer lastMonthPeriodStart;

    private UsagePaygoParams(Builder b) {
        this.accountId = b.accountId;
        this.from = b.from;
        this.to = b.to;
        this.lastYearPeriodStart = b.lastYearPeriodStart;
        this.lastMonthPeriodStart = b.lastMonthPeriodStart;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().accountId(accountId).from(from).to(to).lastYearPeriodStart(lastYearPeriodStart)
                .lastMonthPeriodStart(lastMonthPeriodStart);
    }

    public String accountId() {
        return accountId;
    }

    public Optional<LocalDate> from() {
        return Optional.ofNullable(from);
    }

    public Optional<LocalDate> to() {
        return Optional.ofNullable(to);
    }

    public Optional<Integer> lastYearPeriodStart() {
        return Optional.ofNullable(lastYearPeriodStart);
    }

    public Optional<Integer> lastMonthPeriodStart() {
        return Optional.ofNullable(lastMonthPeriodStart);
    }

    /** The query parameters, named as Cloudflare names them. */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        from().ifPresent(d -> query.put("from", d.toString()));
        to().ifPresent(d -> query.put("to", d.toString()));
        lastYearPeriodStart().ifPresent(y -> query.put("last_year_period_start", y.toString()));
        lastMonthPeriodStart().ifPresent(m -> query.put("last_month_period_start", m.toString()));
        return query;
    }

    /** Builds {@link UsagePaygoParams}, checking that the window is one of the three modes. */
    public static final class Builder {
        private String accountId;
        private LocalDate from;
        private LocalDate to;
        private Integer lastYearPeriodStart;
        private Integer lastMonthPeriodStart;

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder from(LocalDate value) {
            from = value;
            return this;
        }

        public Builder to(LocalDate value) {
            to = value;
            return this;
        }

        public Builder lastYearPeriodStart(Integer value) {
            lastYearPeriodStart = value;
            return this;
        }

        public Builder lastMonthPeriodStart(Integer value) {
            lastMonthPeriodStart = value;
            return this;
        }

        public UsagePaygoParams build() {
            Require.accountId("UsagePaygoParams", accountId);
            if ((from == null) != (to == null)) {
                throw new IllegalStateException("UsagePaygoParams: from and to go together");
            }
            if ((lastYearPeriodStart == null) != (lastMonthPeriodStart == null)) {
                throw new IllegalStateException(
                        "UsagePaygoParams: lastYearPeriodStart and lastMonthPeriodStart go together");
            }
            if (from != null && lastYearPeriodStart != null) {
                throw new IllegalStateException("UsagePaygoParams: use from/to or lastYear/lastMonthPeriodStart, "
                        + "not both");
            }
            if (from != null && from.isAfter(to)) {
                throw new IllegalStateException("UsagePaygoParams: from must not be after to");
            }
            if (from != null && ChronoUnit.DAYS.between(from, to) + 1 > 62) {
                throw new IllegalStateException("UsagePaygoParams: the window holds at most 62 days");
            }
            if (lastMonthPeriodStart != null && (lastMonthPeriodStart < 1 || lastMonthPeriodStart > 12)) {
                throw new IllegalStateException("UsagePaygoParams: lastMonthPeriodStart is a month, 1 to 12");
            }
            return new UsagePaygoParams(this);
        }
    }
}
