package dev.paygo.invoice;

import dev.paygo.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The invoice the current period would get if it closed now, with the credit it would take; never stored, never
 * numbered.
 */
public record UpcomingInvoice(String accountId, LocalDate periodStart, LocalDate periodEnd, List<InvoiceLine> lines,
                              Money total, Money credits) {
    public UpcomingInvoice {
        lines = List.copyOf(lines);
    }
}
