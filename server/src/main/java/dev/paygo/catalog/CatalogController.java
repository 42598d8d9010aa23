package dev.paygo.catalog;

import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

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
        List<MetricView> metrics = c.listMetrics().stream().sorted(Comparator.comparing(Metric::id))
                .map(m -> new MetricView(m.id(), m.family(), m.name(), m.consumedUnit(), m.pricingUnit(),
                        m.pricingUnitSize(), m.pricingRounding().wire(), m.versions().stream()
                        .map(v -> new VersionView(v.effectiveFrom(), v.included(), v.includedScope().wire(),
                                v.blockSize(), v.blockRounding().wire(), v.tiers().stream()
                                .map(t -> new TierView(t.upTo().orElse(null), t.price())).toList()))
                        .toList()))
                .toList();
        responses.ok(ctx, new CatalogView(c.currency(), c.provider(), c.subscriptions(), metrics));
    }

    record CatalogView(String currency, String provider, List<SubscriptionFee> subscriptions,
                       List<MetricView> metrics) {
    }

    record MetricView(String id, String family, String name, String consumedUnit, String pricingUnit,
                      BigDecimal pricingUnitSize, String pricingRounding, List<VersionView> versions) {
    }

    record VersionView(LocalDate effectiveFrom, BigDecimal included, String includedScope, BigDecimal blockSize,
                       String blockRounding, List<TierView> tiers) {
    }

    record TierView(BigDecimal upTo, BigDecimal price) {
    }
}
