package dev.paygo.payment;

/** One row of {@code payment_attempts}; amounts in minor units. */
public record AttemptRow(String id, String invoiceId, String accountId, String gateway, long amountMinor,
                         String currency, String status, String failure, String reference, long createdAtMs,
                         Long finishedAtMs) {
}
