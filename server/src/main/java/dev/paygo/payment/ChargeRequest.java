package dev.paygo.payment;

import dev.paygo.money.Money;
import java.util.Optional;

/**
 * A charge asked of a gateway. {@code attemptId} is its idempotency key: a gateway charges one attempt once,
 * however often it is asked, and answers a repeated request with the first outcome.
 *
 * @param cardLast4 the last four digits of the card on file, if there is one
 */
public record ChargeRequest(String attemptId, String accountId, String invoiceId, Money amount,
                            Optional<String> cardLast4) {
}
