package dev.paygo.client.models;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Params of the FOCUS records ({@code billing().usage().v2(...)}, {@code organizations().usage(...)} and their
 * exports): an account or an organization, a window {@code from}/{@code to} (inclusive UTC days, at most 31 for
 * records, 366 for exports; neither: the month to date), and how to split each day's record ({@code zone},
 * {@code tag:KEY}). Immutable.
 */
public final class BillableUsageParams {
    private final String accountId;
    private final String organizationId;
    private final LocalDate from;
    private final LocalDate to;
    private final List<String> groupBy;

    private BillableUsageParams(Builder b) {
        this.accountId = b.accountId;
        this.organizationId = b.organizationId;
        this.from = b.from;
        this.to = b.to;
        this.groupBy = List.copyOf(b.groupBy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    public Optional<String> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    public Optional<LocalDate> from() {
        return Optional.ofNullable(from);
    }

    public Optional<LocalDate> to() {
        return Optional.ofNullable(to);
    }

    /** {@code zone} and {@code tag:KEY} values, each sent as one {@code group_by} parameter. */
    public List<String> groupBy() {
        return groupBy;
    }

    /** {@code from} and {@code to}, as the API names them. */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        from().ifPresent(d -> query.put("from", d.toString()));
        to().ifPresent(d -> query.put("to", d.toString()));
        return query;
    }

    /** Builds {@link BillableUsageParams}; not thread-safe. */
    public static final class Builder {
        private String accountId;
        private String organizationId;
        private LocalDate from;
        private LocalDate to;
        private final List<String> groupBy = new ArrayList<>();

        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        public Builder organizationId(String value) {
            this.organizationId = value;
            return this;
        }

        public Builder from(LocalDate value) {
            this.from = value;
            return this;
        }

        public Builder to(LocalDate value) {
            this.to = value;
            return this;
        }

        /** Splits each record by zone. */
        public Builder groupByZone() {
            groupBy.add("zone");
            return this;
        }

        /** Splits each record by the values of a tag key. */
        public Builder groupByTag(String key) {
            groupBy.add("tag:" + key);
            return this;
        }

        public BillableUsageParams build() {
            if ((accountId == null) == (organizationId == null)) {
                throw new IllegalArgumentException("name exactly one of accountId and organizationId");
            }
            if ((from == null) != (to == null)) {
                throw new IllegalArgumentException("give from and to together, or neither");
            }
            return new BillableUsageParams(this);
        }
    }
}
