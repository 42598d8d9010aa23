package dev.paygo.invoice;

/** One row of {@code invoice_lines}; the quantity is exact decimal text. */
public record LineRow(String invoiceId, int lineNo, String kind, String description, String metric, String quantity,
                      String unit, String periodStart, String periodEnd, long amountMinor) {
}
