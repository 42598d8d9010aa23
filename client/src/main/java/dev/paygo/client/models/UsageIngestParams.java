package dev.paygo.client.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Params of {@code usage().ingest(...)} (paygo's API): events for one account (its route) or for several
 * (each event naming its account), sent as a JSON array or as a batch of CloudEvents 1.0. Immutable.
 */
public final class UsageIngestParams {
    /** How the events travel. */
    public enum Format { JSON, CLOUDEVENTS }

    private final String accountId;
    private final List<UsageEvent> events;
    private final Format format;
    private final String source;

    private UsageIngestParams(Builder b) {
        this.accountId = b.accountId;
        this.events = List.copyOf(b.events);
        this.format = b.format;
        this.source = b.source;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    public List<UsageEvent> events() {
        return events;
    }

    public Format format() {
        return format;
    }

    /** The CloudEvents {@code source} (default {@code paygo-java}). */
    public String source() {
        return source;
    }

    /** Builds {@link UsageIngestParams}; at least one event, each with an account when none is set here. */
    public static final class Builder {
        private String accountId;
        private final List<UsageEvent> events = new ArrayList<>();
        private Format format = Format.JSON;
        private String source = "paygo-java";

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder addEvent(UsageEvent event) {
            events.add(event);
            return this;
        }

        public Builder events(List<UsageEvent> value) {
            events.clear();
            events.addAll(value);
            return this;
        }

        public Builder format(Format value) {
            format = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public UsageIngestParams build() {
            if (accountId != null) {
                Require.accountId("UsageIngestParams", accountId);
            }
            if (events.isEmpty()) {
                throw new IllegalStateException("UsageIngestParams: at least one event is required");
            }
            for (int i = 0; i < events.size(); i++) {
                if (accountId == null && events.get(i).accountId().isEmpty()) {
                    throw new IllegalStateException("UsageIngestParams: event " + i + " needs an account_id "
                            + "(or set accountId for all)");
                }
            }
            return new UsageIngestParams(this);
        }
    }
}
