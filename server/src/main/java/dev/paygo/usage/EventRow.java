package dev.paygo.usage;

/** One row of {@code usage_events}; {@code tags} is the canonical JSON of the event's tags, or null. */
public record EventRow(String accountId, String eventId, String metric, long quantityUnits, long quantityAtto,
                       long occurredAtMs, String zoneId, long receivedAtMs, String tags) {

    static EventRow of(UsageEvent event, long receivedAtMs) {
        return new EventRow(event.accountId(), event.id(), event.metric(), Quantity.units(event.quantity()),
                Quantity.atto(event.quantity()), event.timestamp().toEpochMilli(), event.zoneId().orElse(null),
                receivedAtMs, event.tags().toJson());
    }

    /** Whether the event is allocated to a group beyond the account's day total (it has a zone or tags). */
    boolean allocated() {
        return zoneId != null || tags != null;
    }
}
