package dev.paygo.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.catalog.AllowanceScope;
import dev.paygo.catalog.Catalog;
import dev.paygo.catalog.CatalogLoader;
import dev.paygo.catalog.Metric;
import dev.paygo.catalog.PriceVersion;
import dev.paygo.period.BillingPeriods;
import dev.paygo.usage.DailyUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** SPEC §7's rating invariants, over random usage with the default catalog's different rules. */
class RatingPropertiesTest {
    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Currency USD = Currency.getInstance("USD");
    private static final List<String> METRICS = List.of("workers.requests", "r2.standard.storage",
            "r2.standard.class_a", "durable_objects.duration", "workers_ai.neurons", "browser_run.browser_hours",
            "kv.stored_data");
    private static final LocalDate FIRST = LocalDate.parse("2025-01-01");
    private static final LocalDate LAST = LocalDate.parse("2025-04-30");

    /** Random daily usage of an account whose anchor falls on {@code anchorDay}. */
    record Scenario(int anchorDay, List<DailyUsage> usage) {
        BillingPeriods periods() {
            return new BillingPeriods(Instant.parse("2024-12-%02dT00:00:00Z".formatted(anchorDay)));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<DailyUsage> day = Combinators.combine(
                Arbitraries.of(METRICS),
                Arbitraries.integers().between(0, (int) (LAST.toEpochDay() - FIRST.toEpochDay())),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40000000")).ofScale(6))
                .as((metric, offset, quantity) -> new DailyUsage(metric, FIRST.plusDays(offset), quantity, 1));
        return Combinators.combine(Arbitraries.integers().between(1, 31),
                        day.list().ofMaxSize(120).uniqueElements(d -> d.metric() + d.day()))
                .as(Scenario::new);
    }

    private static List<UsageRecord> rateAll(Scenario s) {
        return Rater.rate(CATALOG, USD, s.periods(), s.usage(), FIRST, LAST);
    }

    private static Map<String, List<UsageRecord>> byMetricAndPeriod(List<UsageRecord> records) {
        Map<String, List<UsageRecord>> groups = new LinkedHashMap<>();
        for (UsageRecord r : records) {
            groups.computeIfAbsent(r.metric() + "|" + r.billingPeriodStart(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    @Property(tries = 300)
    void dailyCostsAndQuantitiesAreDifferencesOfCumulatives(@ForAll("scenarios") Scenario scenario) {
        for (List<UsageRecord> group : byMetricAndPeriod(rateAll(scenario)).values()) {
            BigDecimal cost = BigDecimal.ZERO;
            BigDecimal quantity = BigDecimal.ZERO;
            for (UsageRecord r : group) {
                BigDecimal cumulated = r.cumulatedContractedCost().amount();
                assertThat(r.contractedCost().amount()).isEqualByComparingTo(cumulated.subtract(cost));
                assertThat(r.pricingQuantity()).isEqualByComparingTo(r.cumulatedPricingQuantity().subtract(quantity));
                cost = cost.add(r.contractedCost().amount());
                quantity = quantity.add(r.pricingQuantity());
                assertThat(cost).isEqualByComparingTo(cumulated);
                assertThat(quantity).isEqualByComparingTo(r.cumulatedPricingQuantity());
                assertThat(cumulated.scale()).isEqualTo(6);
            }
        }
    }

    /** With one version over the period, the cumulative cost is the price of the cumulative pricing quantity. */
    @Property(tries = 300)
    void cumulativeCostIsThePriceOfTheCumulativePricingQuantity(@ForAll("scenarios") Scenario scenario) {
        BillingPeriods periods = scenario.periods();
        for (UsageRecord r : rateAll(scenario)) {
            Metric metric = CATALOG.findMetric(r.metric()).orElseThrow();
            PriceVersion version = metric.versionAt(r.chargePeriodStart()).orElseThrow();
            List<DailyUsage> sofar = scenario.usage().stream()
                    .filter(u -> u.metric().equals(r.metric()))
                    .filter(u -> periods.containing(u.day()).start().equals(r.billingPeriodStart()))
                    .filter(u -> !u.day().isAfter(r.chargePeriodStart()))
                    .toList();
            BigDecimal expected;
            if (version.includedScope() == AllowanceScope.DAY) {
                expected = sofar.stream().map(u -> version.cost(metric.pricingQuantity(u.quantity()), USD).amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
            } else {
                BigDecimal consumed = sofar.stream().map(DailyUsage::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(r.cumulatedPricingQuantity()).isEqualByComparingTo(metric.pricingQuantity(consumed));
                expected = version.cost(metric.pricingQuantity(consumed), USD).amount();
            }
            assertThat(r.cumulatedContractedCost().amount())
                    .isEqualByComparingTo(expected.setScale(6, RoundingMode.HALF_EVEN));
        }
    }

    @Property(tries = 200)
    void aDaysRecordIsTheSameInEveryWindowThatHoldsIt(@ForAll("scenarios") Scenario scenario,
                                                      @ForAll("offsets") int a, @ForAll("offsets") int b) {
        LocalDate from = FIRST.plusDays(Math.min(a, b));
        LocalDate to = FIRST.plusDays(Math.max(a, b));
        BillingPeriods periods = scenario.periods();
        LocalDate start = periods.containing(from).start();
        List<DailyUsage> needed = scenario.usage().stream()
                .filter(u -> !u.day().isBefore(start) && !u.day().isAfter(to)).toList();
        List<UsageRecord> window = Rater.rate(CATALOG, USD, periods, needed, from, to);
        List<UsageRecord> whole = rateAll(scenario).stream()
                .filter(r -> !r.chargePeriodStart().isBefore(from) && !r.chargePeriodStart().isAfter(to)).toList();
        assertThat(window).isEqualTo(whole);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, (int) (LAST.toEpochDay() - FIRST.toEpochDay()));
    }

    @Property(tries = 200)
    void recordsDoNotDependOnTheOrderOrSplitOfTheUsage(@ForAll("scenarios") Scenario scenario,
                                                       @ForAll long seed) {
        // Split every day's total into parts and shuffle them; summing them back is what rollups do.
        Random random = new Random(seed);
        List<DailyUsage> parts = new ArrayList<>();
        for (DailyUsage u : scenario.usage()) {
            BigDecimal first = u.quantity().multiply(BigDecimal.valueOf(random.nextInt(101), 2))
                    .setScale(6, RoundingMode.DOWN);
            parts.add(new DailyUsage(u.metric(), u.day(), first, 1));
            parts.add(new DailyUsage(u.metric(), u.day(), u.quantity().subtract(first), 1));
        }
        Collections.shuffle(parts, random);
        Map<String, DailyUsage> summed = new HashMap<>();
        for (DailyUsage p : parts) {
            summed.merge(p.metric() + p.day(), p, (x, y) -> new DailyUsage(x.metric(), x.day(),
                    x.quantity().add(y.quantity()), x.events() + y.events()));
        }
        List<UsageRecord> fromParts = Rater.rate(CATALOG, USD, scenario.periods(),
                summed.values().stream().collect(Collectors.toList()), FIRST, LAST);
        assertThat(fromParts).usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .isEqualTo(rateAll(scenario));
    }
}
