package dev.paygo.rating;

import dev.paygo.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One rated day of one metric. Quantities are exact; costs are in the account's currency, rounded once, to
 * {@link Money#recordScale} places, on the cumulative cost, and the day's cost is the difference of cumulatives.
 *
 * @param consumedQuantity the day's exact consumption in consumed units
 * @param pricingQuantity the day's whole pricing units (the difference of cumulatives)
 * @param exactCumulatedCost the cumulative cost before any rounding: an invoice rounds it once, to the minor unit
 */
public record UsageRecord(String metric, String serviceName, String serviceFamilyName, LocalDate billingPeriodStart,
                          LocalDate chargePeriodStart, BigDecimal consumedQuantity, String consumedUnit,
                          BigDecimal pricingQuantity, BigDecimal cumulatedPricingQuantity, String pricingUnit,
                          Money contractedCost, Money cumulatedContractedCost, Money exactCumulatedCost) {

    /** The exclusive end of the charge period: the next UTC day. */
    public LocalDate chargePeriodEnd() {
        return chargePeriodStart.plusDays(1);
    }
}
