package dev.paygo.rating;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One rated day of one metric. Quantities and costs are exact; costs are rounded once, to
 * {@link Rater#COST_SCALE} places, on the cumulative cost, and the day's cost is the difference of cumulatives.
 *
 * @param consumedQuantity the day's exact consumption in consumed units
 * @param pricingQuantity the day's whole pricing units (the difference of cumulatives)
 */
public record UsageRecord(String metric, String serviceName, String serviceFamilyName, LocalDate billingPeriodStart,
                          LocalDate chargePeriodStart, BigDecimal consumedQuantity, String consumedUnit,
                          BigDecimal pricingQuantity, BigDecimal cumulatedPricingQuantity, String pricingUnit,
                          BigDecimal contractedCost, BigDecimal cumulatedContractedCost) {

    /** The exclusive end of the charge period: the next UTC day. */
    public LocalDate chargePeriodEnd() {
        return chargePeriodStart.plusDays(1);
    }
}
