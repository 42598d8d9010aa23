package dev.paygo.invoice;

/** What a period's usage of one metric has been billed so far, in minor units, and for what consumption. */
public record BilledAmountRow(String accountId, String periodStart, String metric, long billedMinor,
                              String billedQuantity) {
}
