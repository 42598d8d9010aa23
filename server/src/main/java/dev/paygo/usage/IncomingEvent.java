package dev.paygo.usage;

/**
 * An event as read from a request body, with where it stood there, so a later check (the metric's price at
 * that time, how late the event is) can name the field at fault. Pointers are built only when a problem is
 * reported: this record is made once per ingested event.
 *
 * @param pointer the event's JSON pointer in the body, e.g. {@code /3}
 * @param cloudEvent whether it came as a CloudEvent (its fields are then {@code subject}, {@code time},
 *     {@code data/metric})
 */
public record IncomingEvent(UsageEvent event, String pointer, boolean cloudEvent) {

    public String accountPointer() {
        return pointer + (cloudEvent ? "/subject" : "/account_id");
    }

    public String metricPointer() {
        return pointer + (cloudEvent ? "/data/metric" : "/metric");
    }

    public String quantityPointer() {
        return pointer + (cloudEvent ? "/data/quantity" : "/quantity");
    }

    public String timestampPointer() {
        return pointer + (cloudEvent ? "/time" : "/timestamp");
    }
}
