package dev.paygo.focus;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One FOCUS 1.3 cost and usage record (Cloudflare's v2 billable usage): one billable metric of one account on one
 * day, or a part of it (a zone's, a tag value's) when the query groups, or a correction of an invoiced day. Costs
 * are exact decimals at the currency's record scale; dates are UTC days (written as midnight timestamps).
 *
 * @param chargeClass {@code "Correction"} for a correction row, otherwise null
 * @param productCategoryName the metric's product category from the catalog, or null when it has none
 * @param billingPeriodEnd exclusive: the next period's start
 * @param zoneGrouped whether the query grouped by zone: {@code x_ZoneId} and {@code x_ZoneName} are written
 *     (possibly null) only then
 * @param zoneId the zone of a zone-grouped record, empty for usage without a zone
 * @param tags the values of the grouped tag keys (a key-only tag's value is {@link dev.paygo.usage.Tags#KEY_ONLY}),
 *     absent when the query groups by no tag
 */
@JsonSerialize(using = FocusJson.class)
public record FocusRecord(String billingAccountId, String billingAccountName, String billingCurrency,
                          LocalDate billingPeriodStart, LocalDate billingPeriodEnd, String chargeClass,
                          String chargeDescription, LocalDate chargePeriodStart, LocalDate chargePeriodEnd,
                          BigDecimal consumedQuantity, String consumedUnit, BigDecimal pricingQuantity,
                          String pricingUnit, BigDecimal billedCost, BigDecimal contractedCost,
                          BigDecimal contractedUnitPrice, BigDecimal effectiveCost, BigDecimal listCost,
                          BigDecimal listUnitPrice, String providerName, String subAccountId, String subAccountName,
                          String billableMetricId, String billableMetricName, String productFamilyId,
                          String productFamilyName, String productCategoryName, boolean zoneGrouped, Optional<String> zoneId,
                          Optional<String> zoneName, Optional<SortedMap<String, String>> tags) {
    public static final String CORRECTION = "Correction";

    public FocusRecord {
        tags = tags.map(t -> java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(t)));
    }

    public boolean isCorrection() {
        return CORRECTION.equals(chargeClass);
    }

    /** This record with another zone and tag values, and its quantities and costs replaced (a group's share). */
    FocusRecord share(Map<Column, BigDecimal> amounts, boolean zoneGrouped, Optional<String> zoneId,
                      Optional<String> zoneName, Optional<SortedMap<String, String>> tags) {
        return new FocusRecord(billingAccountId, billingAccountName, billingCurrency, billingPeriodStart,
                billingPeriodEnd, chargeClass, chargeDescription, chargePeriodStart, chargePeriodEnd,
                amounts.get(Column.CONSUMED), consumedUnit, amounts.get(Column.PRICING), pricingUnit,
                amounts.get(Column.BILLED), amounts.get(Column.CONTRACTED), contractedUnitPrice,
                amounts.get(Column.EFFECTIVE), amounts.get(Column.LIST), listUnitPrice, providerName, subAccountId,
                subAccountName, billableMetricId, billableMetricName, productFamilyId, productFamilyName,
                productCategoryName, zoneGrouped, zoneId, zoneName, tags);
    }

    /** The amount of one quantity or cost column. */
    BigDecimal amount(Column column) {
        return switch (column) {
            case CONSUMED -> consumedQuantity;
            case PRICING -> pricingQuantity;
            case BILLED -> billedCost;
            case CONTRACTED -> contractedCost;
            case EFFECTIVE -> effectiveCost;
            case LIST -> listCost;
        };
    }

    /** The columns a group's share splits, and the decimal places each keeps. */
    enum Column {
        CONSUMED, PRICING, BILLED, CONTRACTED, EFFECTIVE, LIST;

        boolean isCost() {
            return this != CONSUMED && this != PRICING;
        }
    }
}
