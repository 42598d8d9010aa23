package dev.paygo.idempotency;

/** One row of {@code idempotency_keys}; {@code status} and {@code responseSealed} are null while in progress. */
public record KeyRow(String fingerprint, Integer status, String responseSealed, long createdAtMs) {
}
