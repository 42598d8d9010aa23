package dev.paygo.rating;

import dev.paygo.catalog.AllowanceScope;
import dev.paygo.catalog.Catalog;
import dev.paygo.catalog.Metric;
import dev.paygo.catalog.PriceVersion;
import dev.paygo.money.Money;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.usage.DailyUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rating engine: a pure function from daily usage, the catalog, the account's currency and its billing
 * periods to usage records. For each metric and billing period it walks the days in order and keeps exact
 * cumulatives:
 * <ul>
 *   <li>cumulative pricing quantity = the metric's whole pricing units of the exact cumulative consumption
 *       (allowance per billing period), or the sum of each day's own (allowance per day);</li>
 *   <li>a day's cost is its increment priced at its position in the period with the version in force that
 *       day: {@code price_v(d)(Q(d)) - price_v(d)(Q(d-1))}, so allowances and tiers are used up in order across
 *       the period and a price change never re-prices earlier days (allowance per day: the day's own price);</li>
 *   <li>the cumulative cost is the sum of the exact daily costs, rounded once to the currency's record scale
 *       ({@link Money#recordScale}); a day's pricing quantity and cost are differences of cumulatives, so a
 *       period's days add up exactly.</li>
 * </ul>
 * The result depends only on the daily totals, never on how events arrived.
 */
public final class Rater {

    private Rater() {
    }

    /**
     * Rates the days {@code [from, to]} (inclusive) in {@code currency}, which the catalog must price in.
     * {@code usage} must hold every day from the start of the billing period containing {@code from} through
     * {@code to}; days outside {@code [from, to]} only feed the cumulatives. Metrics the catalog lacks, and
     * days a metric is not metered (before its first version, from its retirement), are left out.
     */
    public static List<UsageRecord> rate(Catalog catalog, Currency currency, BillingPeriods periods,
                                         List<DailyUsage> usage, LocalDate from, LocalDate to) {
        if (!catalog.pricesIn(currency)) {
            throw new IllegalArgumentException("the catalog does not price in " + currency);
        }
        Map<String, List<DailyUsage>> byMetric = new TreeMap<>();
        for (DailyUsage day : usage) {
            byMetric.computeIfAbsent(day.metric(), m -> new ArrayList<>()).add(day);
        }
        List<UsageRecord> records = new ArrayList<>();
        byMetric.forEach((metricId, days) -> catalog.findMetric(metricId)
                .ifPresent(metric -> rateMetric(metric, currency, periods, days, from, to, records)));
        records.sort(Comparator.comparing(UsageRecord::chargePeriodStart).thenComparing(UsageRecord::metric));
        return records;
    }

    private static void rateMetric(Metric metric, Currency currency, BillingPeriods periods, List<DailyUsage> days,
                                   LocalDate from, LocalDate to, List<UsageRecord> out) {
        List<DailyUsage> sorted = days.stream().sorted(Comparator.comparing(DailyUsage::day)).toList();
        BillingPeriod period = null;
        BigDecimal consumed = BigDecimal.ZERO;
        BigDecimal pricingQuantity = BigDecimal.ZERO;
        Money exactCost = Money.zero(currency);
        Money cost = Money.zero(currency).toRecordScale();
        // price_v(Q(d-1)) is yesterday's price_v(Q(d)) while the version stays the same: priced once, not twice.
        PriceVersion pricedWith = null;
        Money priceSoFar = Money.zero(currency);
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
                exactCost = Money.zero(currency);
                cost = Money.zero(currency).toRecordScale();
                pricedWith = null;
            }
            BigDecimal nextPricingQuantity;
            Money daysCost;
            if (metric.includedScope() == AllowanceScope.DAY) {
                BigDecimal todays = metric.pricingQuantity(day.quantity());
                nextPricingQuantity = pricingQuantity.add(todays);
                daysCost = version.cost(todays, currency);
            } else {
                consumed = consumed.add(day.quantity());
                nextPricingQuantity = metric.pricingQuantity(consumed);
                Money before = version.equals(pricedWith) ? priceSoFar : version.cost(pricingQuantity, currency);
                Money now = version.cost(nextPricingQuantity, currency);
                daysCost = now.minus(before);
                pricedWith = version;
                priceSoFar = now;
            }
            Money nextExactCost = exactCost.plus(daysCost);
            Money nextCost = nextExactCost.toRecordScale();
            if (!day.day().isBefore(from)) {
                out.add(new UsageRecord(metric.id(), metric.name(), metric.family(), period.start(), day.day(),
                        day.quantity(), metric.consumedUnit(), nextPricingQuantity.subtract(pricingQuantity),
                        nextPricingQuantity, metric.pricingUnit(), nextCost.minus(cost), nextCost, nextExactCost));
            }
            pricingQuantity = nextPricingQuantity;
            exactCost = nextExactCost;
            cost = nextCost;
        }
    }
}
