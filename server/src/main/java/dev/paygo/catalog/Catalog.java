package dev.paygo.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The price catalog in force: metrics by id, subscription fees, currency and provider name. Immutable. */
public record Catalog(String currency, String provider, Map<String, Metric> metrics,
                      List<SubscriptionFee> subscriptions) {
    public Catalog {
        metrics = Map.copyOf(metrics);
        subscriptions = List.copyOf(subscriptions);
    }

    public Optional<Metric> findMetric(String id) {
        return Optional.ofNullable(metrics.get(id));
    }

    /** The metric if it can be metered on {@code day}. */
    public Optional<Metric> findMetricAt(String id, LocalDate day) {
        return findMetric(id).filter(m -> m.versionAt(day).isPresent());
    }

    public Collection<Metric> listMetrics() {
        return metrics.values();
    }
}
