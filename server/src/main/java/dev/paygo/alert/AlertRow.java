package dev.paygo.alert;

/**
 * One spend alert as stored, with when it fired in the period asked about and when it last fired at all (epoch
 * milliseconds, null when it has not).
 */
public record AlertRow(String id, String accountId, String currency, long amountMinor, long createdAtMs,
                       Long firedAtMs, Long lastFiredAtMs) {
}
