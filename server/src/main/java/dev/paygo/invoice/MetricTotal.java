package dev.paygo.invoice;

import dev.paygo.money.Money;
import dev.paygo.rating.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric's usage over a billing period: its consumption and its exact cost (the cumulative of the period's
 * last rated day, before any rounding), from the period's usage records.
 */
record MetricTotal(String metric, String serviceName, String unit, BigDecimal consumed, Money exactCost) {

    /** The totals of the metrics in {@code records}, which must be the days of one billing period; by metric id. */
    static List<MetricTotal> of(List<UsageRecord> records) {
        Map<String, MetricTotal> byMetric = new TreeMap<>();
        for (UsageRecord r : records) {
            byMetric.merge(r.metric(), new MetricTotal(r.metric(), r.serviceName(), r.consumedUnit(),
                    r.consumedQuantity(), r.exactCumulatedCost()), (before, day) -> new MetricTotal(day.metric(),
                    day.serviceName(), day.unit(), before.consumed().add(day.consumed()), day.exactCost()));
        }
        return new ArrayList<>(byMetric.values());
    }

    /** The cost as an invoice bills it: rounded once, to the currency's minor unit. */
    long billedMinor() {
        return exactCost.minorUnits();
    }
}
