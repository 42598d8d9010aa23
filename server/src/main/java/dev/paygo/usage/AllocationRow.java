package dev.paygo.usage;

/**
 * One row of {@code usage_allocations} (the day's total of one metric's events in one zone and tag set), or an
 * amount to add to one.
 */
public record AllocationRow(String accountId, String utcDay, String metric, String groupKey, String zoneId,
                            String tags, long quantityUnits, long quantityAtto, long eventCount) {
}
