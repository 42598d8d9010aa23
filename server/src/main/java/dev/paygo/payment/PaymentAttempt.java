package dev.paygo.payment;

import dev.paygo.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to collect an invoice: a charge through an automatic gateway, or a payment the operator recorded.
 * Its id ({@code <invoice id>-<attempt number>}) is the gateway's idempotency key.
 */
public record PaymentAttempt(String id, String invoiceId, String accountId, String gateway, Money amount,
                             Outcome outcome, Optional<String> failure, Optional<String> reference, Instant createdAt,
                             Optional<Instant> finishedAt) {
}
