package dev.paygo.notify;

/** A delivery that is due, and its endpoint. */
public record DueRow(String id, String endpointId) {
}
