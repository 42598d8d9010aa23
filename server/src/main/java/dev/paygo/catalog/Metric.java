package dev.paygo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A billable metric: what is consumed (in {@code consumedUnit}), how consumption becomes a whole
 * {@code PricingQuantity} (units of {@code pricingUnitSize} consumed units, rounded by {@code pricingRounding}),
 * its price versions, oldest first, the day it is retired from, if any (no usage is accepted or rated for
 * it from that day on), and the product category it belongs to, if the catalog says ({@code Developer}: FOCUS
 * records show it as {@code x_ProductCategoryName}).
 */
public record Metric(String id, String family, String name, String consumedUnit, String pricingUnit,
                     BigDecimal pricingUnitSize, Rounding pricingRounding, List<PriceVersion> versions,
                     Optional<LocalDate> retiredFrom, Optional<String> category) {
    public Metric {
        versions = List.copyOf(versions);
    }

    /** A metric without a product category. */
    public Metric(String id, String family, String name, String consumedUnit, String pricingUnit,
                  BigDecimal pricingUnitSize, Rounding pricingRounding, List<PriceVersion> versions,
                  Optional<LocalDate> retiredFrom) {
        this(id, family, name, consumedUnit, pricingUnit, pricingUnitSize, pricingRounding, versions, retiredFrom,
                Optional.empty());
    }

    /** The price version in force on {@code day}, if the metric is metered then. */
    public Optional<PriceVersion> versionAt(LocalDate day) {
        if (retiredFrom.isPresent() && !day.isBefore(retiredFrom.get())) {
            return Optional.empty();
        }
        PriceVersion found = null;
        for (PriceVersion version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The first day the metric can be metered. */
    public LocalDate availableFrom() {
        return versions.get(0).effectiveFrom();
    }

    /** Over what the allowance is granted; every version of a metric has the same scope. */
    public AllowanceScope includedScope() {
        return versions.get(0).includedScope();
    }

    /** The whole number of pricing units for an exact consumption. */
    public BigDecimal pricingQuantity(BigDecimal consumed) {
        BigDecimal units = consumed.divide(pricingUnitSize);
        return (pricingRounding == Rounding.EXACT ? Rounding.UP : pricingRounding).apply(units);
    }
}
