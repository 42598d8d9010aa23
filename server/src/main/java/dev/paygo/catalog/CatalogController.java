package dev.paygo.catalog;

import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /billing/catalog}: the metrics, units and price versions in force, for any valid credential. */
public final class CatalogController {
    private final CatalogService catalog;
    private final Responses responses;

    public CatalogController(CatalogService catalog, Responses responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    public void get(Context ctx) {
        Catalog c = catalog.catalog();
        Currency primary = c.primaryCurrency();
        List<MetricView> metrics = c.listMetrics().stream().sorted(Comparator.comparing(Metric::id))
                .map(m -> new MetricView(m.id(), m.family(), m.category().orElse(null), m.name(), m.consumedUnit(),
                        m.pricingUnit(), m.pricingUnitSize(), m.pricingRounding().wire(), m.versions().stream()
                        .map(v -> new VersionView(v.effectiveFrom(), v.included(), v.includedScope().wire(),
                                v.blockSize(), v.blockRounding().wire(), v.tiers().stream()
                                .map(t -> new TierView(t.upTo().orElse(null), t.price(primary), byCode(t.prices())))
                                .toList()))
                        .toList(), m.retiredFrom().orElse(null)))
                .toList();
        List<FeeView> fees = c.subscriptions().stream().map(f -> new FeeView(f.id(), f.name(),
                f.price(primary).amount(), byCode(f.prices()), f.period(), f.effectiveFrom())).toList();
        responses.ok(ctx, new CatalogView(primary.getCurrencyCode(),
                c.currencies().stream().map(Currency::getCurrencyCode).toList(), c.provider(), fees, metrics));
    }

    private static Map<String, BigDecimal> byCode(Map<Currency, BigDecimal> prices) {
        Map<String, BigDecimal> out = new TreeMap<>();
        prices.forEach((currency, price) -> out.put(currency.getCurrencyCode(), price));
        return out;
    }

    /** {@code currency} is the first of {@code currencies}; single prices are in it, {@code prices} has them all. */
    record CatalogView(String currency, List<String> currencies, String provider, List<FeeView> subscriptions,
                       List<MetricView> metrics) {
    }

    record FeeView(String id, String name, BigDecimal price, Map<String, BigDecimal> prices, String period,
                   LocalDate effectiveFrom) {
    }

    record MetricView(String id, String family, String category, String name, String consumedUnit, String pricingUnit,
                      BigDecimal pricingUnitSize, String pricingRounding, List<VersionView> versions,
                      LocalDate retiredFrom) {
    }

    record VersionView(LocalDate effectiveFrom, BigDecimal included, String includedScope, BigDecimal blockSize,
                       String blockRounding, List<TierView> tiers) {
    }

    record TierView(BigDecimal upTo, BigDecimal price, Map<String, BigDecimal> prices) {
    }
}
