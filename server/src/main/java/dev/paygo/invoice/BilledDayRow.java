package dev.paygo.invoice;

/**
 * One row of {@code billed_days}: what an invoice billed of one metric's day. {@code billedIn} is the start of the
 * period whose invoice billed it: the day's own period for the regular billing, a later one for a correction. A row
 * with an empty metric marks the period as billed (even when it had no usage).
 *
 * @param consumed the day's consumption as billed (plain decimal)
 * @param pricingQuantity the day's pricing quantity as billed
 * @param cost the day's cost as billed, at the record scale
 */
public record BilledDayRow(String accountId, String periodStart, String metric, String utcDay, String billedIn,
                           String consumed, String pricingQuantity, String cost) {
    /** The metric of a period's marker row. */
    public static final String PERIOD_MARKER = "";

    public boolean isMarker() {
        return metric.equals(PERIOD_MARKER);
    }
}
