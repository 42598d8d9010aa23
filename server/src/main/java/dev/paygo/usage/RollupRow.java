package dev.paygo.usage;

/** One row of {@code usage_rollups}, or an amount to add to one. */
public record RollupRow(String accountId, String metric, String utcDay, long quantityUnits, long quantityAtto,
                        long eventCount) {
}
