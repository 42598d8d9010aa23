package dev.paygo.notify;

/** A row of {@code webhook_endpoints}; {@code eventTypes} joined from {@code webhook_endpoint_events}. */
public record EndpointRow(String id, String url, String description, String secret, long createdAtMs) {
}
