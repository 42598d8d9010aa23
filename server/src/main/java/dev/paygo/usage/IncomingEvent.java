package dev.paygo.usage;

/**
 * An event as read from a request body, with the JSON pointers of its fields there, so a later check (the
 * metric's price at that time, how late the event is) can name the field at fault.
 */
public record IncomingEvent(UsageEvent event, String accountPointer, String metricPointer, String timestampPointer) {
}
