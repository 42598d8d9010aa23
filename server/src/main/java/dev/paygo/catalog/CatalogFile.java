package dev.paygo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A catalog file as written (docs/rating.md), bound by Jackson with snake_case names: every value {@link Located}
 * so that {@link CatalogLoader}'s checks name its line. A field left out, or given as {@code null}, is null here.
 * A price is a decimal where the catalog has one currency, else a mapping of currency code to decimal: it stays
 * as read ({@code Object}) until the loader knows the currencies.
 */
record CatalogFile(Located<String> currency, Located<List<Located<String>>> currencies, Located<String> provider,
        Located<List<Located<Subscription>>> subscriptions, Located<List<Located<MetricEntry>>> metrics) {

    record Subscription(Located<String> id, Located<String> name, Located<Object> price, Located<String> period,
            Located<LocalDate> effectiveFrom) {
    }

    record MetricEntry(Located<String> id, Located<String> family, Located<String> name, Located<String> category,
            Located<String> consumedUnit, Located<String> pricingUnit, Located<BigDecimal> pricingUnitSize,
            Located<Rounding> pricingRounding, Located<List<Located<VersionEntry>>> versions,
            Located<LocalDate> retiredFrom) {
    }

    record VersionEntry(Located<LocalDate> effectiveFrom, Located<BigDecimal> included,
            Located<AllowanceScope> includedScope, Located<BigDecimal> blockSize, Located<Rounding> blockRounding,
            Located<List<Located<TierEntry>>> tiers) {
    }

    record TierEntry(Located<BigDecimal> upTo, Located<Object> price) {
    }
}
