package dev.paygo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A billable metric: what is consumed (in {@code consumedUnit}), how consumption becomes a whole
 * {@code PricingQuantity} (units of {@code pricingUnitSize} consumed units, rounded by {@code pricingRounding}),
 * and its price versions, oldest first.
 */
public record Metric(String id, String family, String name, String consumedUnit, String pricingUnit,
                     BigDecimal pricingUnitSize, Rounding pricingRounding, List<PriceVersion> versions) {
    public Metric {
        versions = List.copyOf(versions);
    }

    /** The price version in force on {@code day}, if the metric exists then. */
    public Optional<PriceVersion> versionAt(LocalDate day) {
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

    /** The whole number of pricing units for an exact consumption. */
    public BigDecimal pricingQuantity(BigDecimal consumed) {
        BigDecimal units = consumed.divide(pricingUnitSize);
        return (pricingRounding == Rounding.EXACT ? Rounding.UP : pricingRounding).apply(units);
    }
}
