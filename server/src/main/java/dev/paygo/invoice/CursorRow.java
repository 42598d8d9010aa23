package dev.paygo.invoice;

/**
 * One row of {@code billing_cursors}: the next billing period of an account to bill, and when the account was
 * last billed (null before its first run), from which the periods that may still have late usage follow.
 */
public record CursorRow(String accountId, String periodStart, String periodEnd, Long lastBilledAtMs) {
}
