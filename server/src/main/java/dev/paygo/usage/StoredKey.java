package dev.paygo.usage;

/** The key of an event that an insert stored (was not there before). */
public record StoredKey(String accountId, String eventId) {
}
