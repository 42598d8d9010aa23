package dev.paygo.credit;

/**
 * One row of {@code credit_grants}; money in minor units of {@code currency}, times in epoch milliseconds;
 * {@code lowToldAtMs} and {@code expiredToldAtMs}: when webhooks were told the grant runs low or expired.
 */
public record CreditRow(String id, String accountId, String currency, long amountMinor, long remainingMinor,
                        long validFromMs, long validToMs, String description, long createdAtMs,
                        Long expiredEarlyMs, Long lowToldAtMs, Long expiredToldAtMs) {
}
