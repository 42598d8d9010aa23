package dev.paygo.rating;

import dev.paygo.catalog.AllowanceScope;
import dev.paygo.catalog.Catalog;
import dev.paygo.catalog.Metric;
import dev.paygo.catalog.PriceVersion;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.usage.DailyUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rating engine: a pure function from daily usage, the catalog and the billing periods to usage records.
 * For each metric and billing period it walks the days in order and keeps exact cumulatives:
 * <ul>
 *   <li>cumulative pricing quantity = the metric's whole pricing units of the exact cumulative consumption
 *       (allowance per billing period), or the sum of each day's own (allowance per day);</li>
 *   <li>cumulative cost = the price, in the version in force that day, of the cumulative pricing quantity
 *       (or the sum of each day's own price), rounded once to {@link #COST_SCALE} places;</li>
 *   <li>a day's pricing quantity and cost are differences of cumulatives, so a period's days add up exactly.</li>
 * </ul>
 * The result depends only on the daily totals, never on how events arrived.
 */
public final class Rater {
    /** Decimal places of every cost in a record (half-even). */
    public static final int COST_SCALE = 6;

    private Rater() {
    }

    /**
     * Rates the days {@code [from, to]} (inclusive). {@code usage} must hold every day from the start of the
     * billing period containing {@code from} through {@code to}; days outside {@code [from, to]} only feed the
     * cumulatives. Metrics the catalog lacks are left out.
     */
    public static List<UsageRecord> rate(Catalog catalog, BillingPeriods periods, List<DailyUsage> usage,
                                         LocalDate from, LocalDate to) {
        Map<String, List<DailyUsage>> byMetric = new TreeMap<>();
        for (DailyUsage day : usage) {
            byMetric.computeIfAbsent(day.metric(), m -> new ArrayList<>()).add(day);
        }
        List<UsageRecord> records = new ArrayList<>();
        byMetric.forEach((metricId, days) -> catalog.findMetric(metricId)
                .ifPresent(metric -> rateMetric(metric, periods, days, from, to, records)));
        records.sort(Comparator.comparing(UsageRecord::chargePeriodStart).thenComparing(UsageRecord::metric));
        return records;
    }

    private static void rateMetric(Metric metric, BillingPeriods periods, List<DailyUsage> days, LocalDate from,
                                   LocalDate to, List<UsageRecord> out) {
        List<DailyUsage> sorted = days.stream().sorted(Comparator.comparing(DailyUsage::day)).toList();
        BillingPeriod period = null;
        BigDecimal consumed = BigDecimal.ZERO;
        BigDecimal pricingQuantity = BigDecimal.ZERO;
        BigDecimal exactCost = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (DailyUsage day : sorted) {
            Optional<PriceVersion> found = metric.versionAt(day.day());
            if (found.isEmpty() || day.day().isAfter(to)) {
                continue;
            }
            PriceVersion version = found.get();
            if (period == null || !period.contains(day.day())) {
                period = periods.containing(day.day());
                consumed = BigDecimal.ZERO;
                pricingQuantity = BigDecimal.ZERO;
                exactCost = BigDecimal.ZERO;
                cost = BigDecimal.ZERO;
            }
            BigDecimal nextPricingQuantity;
            BigDecimal nextExactCost;
            if (version.includedScope() == AllowanceScope.DAY) {
                BigDecimal todays = metric.pricingQuantity(day.quantity());
                nextPricingQuantity = pricingQuantity.add(todays);
                nextExactCost = exactCost.add(version.cost(todays));
            } else {
                consumed = consumed.add(day.quantity());
                nextPricingQuantity = metric.pricingQuantity(consumed);
                nextExactCost = version.cost(nextPricingQuantity);
            }
            BigDecimal nextCost = nextExactCost.setScale(COST_SCALE, RoundingMode.HALF_EVEN);
            if (!day.day().isBefore(from)) {
                out.add(new UsageRecord(metric.id(), metric.name(), metric.family(), period.start(), day.day(),
                        day.quantity(), metric.consumedUnit(), nextPricingQuantity.subtract(pricingQuantity),
                        nextPricingQuantity, metric.pricingUnit(), nextCost.subtract(cost), nextCost));
            }
            pricingQuantity = nextPricingQuantity;
            exactCost = nextExactCost;
            cost = nextCost;
        }
    }
}
