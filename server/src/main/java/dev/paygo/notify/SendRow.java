package dev.paygo.notify;

/** What one delivery attempt sends: the endpoint's URL and secret, the event's id and exact payload. */
public record SendRow(String id, String endpointId, String url, String secret, String eventId, String payload,
                      int attempts, long retryUntilMs) {
}
