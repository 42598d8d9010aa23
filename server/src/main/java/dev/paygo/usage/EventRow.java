package dev.paygo.usage;

/** One row of {@code usage_events}. */
public record EventRow(String accountId, String eventId, String metric, long quantityUnits, long quantityAtto,
                       long occurredAtMs, String zoneId, long receivedAtMs) {

    static EventRow of(UsageEvent event, long receivedAtMs) {
        return new EventRow(event.accountId(), event.id(), event.metric(), Quantity.units(event.quantity()),
                Quantity.atto(event.quantity()), event.timestamp().toEpochMilli(), event.zoneId().orElse(null),
                receivedAtMs);
    }
}
