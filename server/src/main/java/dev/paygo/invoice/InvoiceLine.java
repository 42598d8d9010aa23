package dev.paygo.invoice;

import dev.paygo.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of an invoice. Amounts are in the invoice's currency, rounded once to its minor unit.
 *
 * @param periodStart the first day the line bills (for a correction: of the period it corrects)
 * @param periodEnd the day after the last day it bills
 * @param quantity the consumption billed (usage lines: the period's consumed quantity; corrections: the
 *     consumption added since the period was invoiced)
 */
public record InvoiceLine(int lineNo, LineKind kind, String description, Optional<String> metric,
                          Optional<BigDecimal> quantity, Optional<String> unit, LocalDate periodStart,
                          LocalDate periodEnd, Money amount) {
}
