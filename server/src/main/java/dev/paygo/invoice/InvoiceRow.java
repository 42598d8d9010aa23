package dev.paygo.invoice;

/**
 * One row of {@code invoices}; money in minor units of {@code currency}, times in epoch milliseconds.
 * {@code totalMinor} is what is to be paid after credits; {@code creditsMinor} what credit paid.
 */
public record InvoiceRow(String id, String accountId, String number, String periodStart, String periodEnd,
                         String currency, String status, long totalMinor, long paidMinor, String gateway,
                         int attempts, Long nextAttemptAtMs, Long firstFailureAtMs, long issuedAtMs,
                         Long settledAtMs, long creditsMinor) {
}
