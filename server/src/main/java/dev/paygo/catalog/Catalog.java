package dev.paygo.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price catalog in force: the currencies it prices in (one price list each), metrics by id, subscription
 * fees and the provider's name. Immutable.
 */
public record Catalog(List<Currency> currencies, String provider, Map<String, Metric> metrics,
                      List<SubscriptionFee> subscriptions) {
    public Catalog {
        currencies = List.copyOf(currencies);
        metrics = Map.copyOf(metrics);
        subscriptions = List.copyOf(subscriptions);
    }

    /** The first currency the catalog names: what {@code GET /billing/catalog} shows as {@code currency}. */
    public Currency primaryCurrency() {
        return currencies.get(0);
    }

    /** True when the catalog has prices in {@code currency}. */
    public boolean pricesIn(Currency currency) {
        return currencies.contains(currency);
    }

    public Optional<Metric> findMetric(String id) {
        return Optional.ofNullable(metrics.get(id));
    }

    /** The metric if it can be metered on {@code day} (after its first version, before its retirement). */
    public Optional<Metric> findMetricAt(String id, LocalDate day) {
        return findMetric(id).filter(m -> m.versionAt(day).isPresent());
    }

    public Collection<Metric> listMetrics() {
        return metrics.values();
    }
}
