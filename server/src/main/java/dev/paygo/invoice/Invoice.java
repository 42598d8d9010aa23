package dev.paygo.invoice;

import dev.paygo.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An issued invoice: one per account and billing period {@code [periodStart, periodEnd)}, numbered without gaps.
 * Its lines and total never change; {@code status}, {@code paid}, {@code attempts} and the next payment attempt
 * follow its payments.
 *
 * @param total what is to be paid: the sum of the lines, credit lines (negative) included
 * @param credits what credit paid before the card: {@code total + credits} is the subtotal
 * @param firstFailureAt when its first payment attempt failed: retries are scheduled from then
 * @param gateway the payment gateway that collects it ({@code test} charges the card on file, {@code manual}
 *     waits for the operator to record a bank transfer)
 */
public record Invoice(String id, String accountId, String number, LocalDate periodStart, LocalDate periodEnd,
                      InvoiceStatus status, Money total, Money credits, Money paid, String gateway, int attempts,
                      Optional<Instant> nextAttemptAt, Optional<Instant> firstFailureAt, Instant issuedAt, Optional<Instant> settledAt,
                      List<InvoiceLine> lines) {
    public Invoice {
        lines = List.copyOf(lines);
    }

    /** What is left to pay (0 once paid or void). */
    public Money due() {
        return status == InvoiceStatus.VOID ? total.minus(total) : total.minus(paid);
    }
}
