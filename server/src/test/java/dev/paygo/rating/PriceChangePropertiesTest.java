package dev.paygo.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.catalog.AllowanceScope;
import dev.paygo.catalog.Catalog;
import dev.paygo.catalog.CatalogLoader;
import dev.paygo.catalog.Metric;
import dev.paygo.catalog.PriceVersion;
import dev.paygo.catalog.Rounding;
import dev.paygo.catalog.Tier;
import dev.paygo.period.BillingPeriods;
import dev.paygo.usage.DailyUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7 invariant 1 across price versions: a day's increment is priced at its position in the period with
 * that day's version, so a price change never re-prices earlier days. Random catalogs of one metric with 1 to
 * 4 versions at random dates (often 2026-12-01), random allowances, tiers and block rounding, rated over
 * periods that straddle the changes.
 */
class PriceChangePropertiesTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate FIRST = LocalDate.parse("2026-10-20");
    private static final LocalDate LAST = LocalDate.parse("2027-01-31");
    private static final LocalDate SWITCH = LocalDate.parse("2026-12-01");

    record Scenario(Metric metric, int anchorDay, List<DailyUsage> usage) {
        BillingPeriods periods() {
            return new BillingPeriods(Instant.parse("2026-08-%02dT00:00:00Z".formatted(anchorDay)));
        }

        Catalog catalog() {
            return new Catalog(List.of(USD), "test", Map.of(metric.id(), metric), List.of());
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.of(AllowanceScope.values()), versionLists(),
                        Arbitraries.of(Rounding.UP, Rounding.DOWN, Rounding.NEAREST), Arbitraries.integers().between(1, 31),
                        usage())
                .as((scope, versions, rounding, anchor, usage) -> new Scenario(new Metric("m", "F", "N", "u", "u",
                        BigDecimal.ONE, rounding, versions.stream().map(v -> v.withScope(scope)).toList(),
                        Optional.empty()), anchor, usage));
    }

    /** A version before its scope is chosen (every version of a metric has the same scope). */
    record Draft(LocalDate from, BigDecimal included, BigDecimal blockSize, Rounding blockRounding, List<Tier> tiers) {
        PriceVersion withScope(AllowanceScope scope) {
            return new PriceVersion(from, included, scope, blockSize, blockRounding, tiers);
        }
    }

    private Arbitrary<List<Draft>> versionLists() {
        Arbitrary<LocalDate> day = Arbitraries.oneOf(Arbitraries.just(SWITCH),
                Arbitraries.integers().between(1, (int) (LAST.toEpochDay() - FIRST.toEpochDay())).map(FIRST::plusDays));
        Arbitrary<Draft> draft = Combinators.combine(day,
                Arbitraries.of(0L, 10L, 1_000L, 1_000_000L).map(BigDecimal::valueOf),
                Arbitraries.of(1L, 1_000L, 1_000_000L).map(BigDecimal::valueOf),
                Arbitraries.of(Rounding.EXACT, Rounding.UP, Rounding.NEAREST),
                tiers()).as(Draft::new);
        return Combinators.combine(draft.list().ofMinSize(0).ofMaxSize(3), draft)
                .as((later, first) -> {
                    List<Draft> all = new ArrayList<>();
                    all.add(new Draft(FIRST.minusDays(60), first.included(), first.blockSize(), first.blockRounding(),
                            first.tiers()));
                    later.stream().sorted(Comparator.comparing(Draft::from))
                            .filter(d -> all.stream().noneMatch(a -> a.from().equals(d.from()))).forEach(all::add);
                    return all;
                });
    }

    private Arbitrary<List<Tier>> tiers() {
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5")).ofScale(3);
        Arbitrary<List<Tier>> one = price.map(p -> List.of(new Tier(Optional.empty(), Map.of(USD, p))));
        Arbitrary<List<Tier>> two = Combinators.combine(price, price,
                        Arbitraries.of(500L, 5_000_000L, 20_000_000L).map(BigDecimal::valueOf))
                .as((a, b, upTo) -> List.of(new Tier(Optional.of(upTo), Map.of(USD, a)),
                        new Tier(Optional.empty(), Map.of(USD, b))));
        return Arbitraries.oneOf(one, two);
    }

    private Arbitrary<List<DailyUsage>> usage() {
        Arbitrary<DailyUsage> day = Combinators.combine(
                        Arbitraries.integers().between(0, (int) (LAST.toEpochDay() - FIRST.toEpochDay())),
                        Arbitraries.oneOf(Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30000000"))
                                .ofScale(2), Arbitraries.of(BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.4"))))
                .as((offset, quantity) -> new DailyUsage("m", FIRST.plusDays(offset), quantity, 1));
        return day.list().ofMaxSize(80).uniqueElements(DailyUsage::day);
    }

    private static List<UsageRecord> rate(Scenario s, Catalog catalog) {
        return Rater.rate(catalog, USD, s.periods(), s.usage(), FIRST, LAST);
    }

    @Property(tries = 400)
    void aDaysCostIsItsIncrementPricedWithThatDaysVersion(@ForAll("scenarios") Scenario s) {
        Metric metric = s.metric();
        BillingPeriods periods = s.periods();
        Map<LocalDate, DailyUsage> byDay = s.usage().stream().collect(Collectors.toMap(DailyUsage::day, u -> u));
        for (UsageRecord r : rate(s, s.catalog())) {
            LocalDate start = periods.containing(r.chargePeriodStart()).start();
            // The reference: straight from SPEC §7, day by day from the period's start.
            BigDecimal exact = BigDecimal.ZERO;
            BigDecimal consumedBefore = BigDecimal.ZERO;
            for (LocalDate d = start; !d.isAfter(r.chargePeriodStart()); d = d.plusDays(1)) {
                DailyUsage u = byDay.get(d);
                if (u == null) {
                    continue;
                }
                PriceVersion v = metric.versionAt(d).orElseThrow();
                if (metric.includedScope() == AllowanceScope.DAY) {
                    exact = exact.add(v.cost(metric.pricingQuantity(u.quantity()), USD).amount());
                } else {
                    BigDecimal before = metric.pricingQuantity(consumedBefore);
                    consumedBefore = consumedBefore.add(u.quantity());
                    BigDecimal after = metric.pricingQuantity(consumedBefore);
                    exact = exact.add(v.cost(after, USD).amount().subtract(v.cost(before, USD).amount()));
                }
            }
            assertThat(r.cumulatedContractedCost().amount()).as(r.toString())
                    .isEqualByComparingTo(exact.setScale(6, RoundingMode.HALF_EVEN));
            assertThat(r.contractedCost().amount()).as("no negative day: " + r).isNotNegative();
            assertThat(r.pricingQuantity()).as("no negative quantity: " + r).isNotNegative();
        }
    }

    @Property(tries = 300)
    void aNewVersionNeverChangesTheRecordsOfDaysBeforeIt(@ForAll("scenarios") Scenario s) {
        List<PriceVersion> versions = s.metric().versions();
        if (versions.size() < 2) {
            return;
        }
        PriceVersion last = versions.get(versions.size() - 1);
        Metric without = new Metric("m", "F", "N", "u", "u", BigDecimal.ONE, s.metric().pricingRounding(),
                versions.subList(0, versions.size() - 1), Optional.empty());
        Scenario before = new Scenario(without, s.anchorDay(), s.usage());
        List<UsageRecord> withNew = rate(s, s.catalog()).stream()
                .filter(r -> r.chargePeriodStart().isBefore(last.effectiveFrom())).toList();
        List<UsageRecord> withoutNew = rate(before, before.catalog()).stream()
                .filter(r -> r.chargePeriodStart().isBefore(last.effectiveFrom())).toList();
        assertThat(withNew).isEqualTo(withoutNew);
    }

    @Property(tries = 300)
    void periodsAddUpExactlyAcrossVersionChanges(@ForAll("scenarios") Scenario s) {
        Map<LocalDate, List<UsageRecord>> byPeriod = new HashMap<>();
        rate(s, s.catalog()).forEach(r -> byPeriod.computeIfAbsent(r.billingPeriodStart(), k -> new ArrayList<>()).add(r));
        for (List<UsageRecord> period : byPeriod.values()) {
            BigDecimal sum = period.stream().map(r -> r.contractedCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal quantity = period.stream().map(UsageRecord::pricingQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            UsageRecord lastDay = period.get(period.size() - 1);
            assertThat(sum).isEqualByComparingTo(lastDay.cumulatedContractedCost().amount());
            assertThat(quantity).isEqualByComparingTo(lastDay.cumulatedPricingQuantity());
        }
    }

    private static Metric workersRequests(String secondPrice, long secondIncluded, LocalDate from) {
        Tier first = new Tier(Optional.empty(), Map.of(USD, new BigDecimal("0.30")));
        Tier second = new Tier(Optional.empty(), Map.of(USD, new BigDecimal(secondPrice)));
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        return new Metric("workers.requests", "Workers", "Requests", "request", "request", BigDecimal.ONE, Rounding.UP,
                List.of(new PriceVersion(LocalDate.parse("2025-01-01"), BigDecimal.valueOf(10_000_000),
                                AllowanceScope.BILLING_PERIOD, million, Rounding.EXACT, List.of(first)),
                        new PriceVersion(from, BigDecimal.valueOf(secondIncluded), AllowanceScope.BILLING_PERIOD,
                                million, Rounding.EXACT, List.of(second))), Optional.empty());
    }

    private static List<UsageRecord> rateNovember(Metric metric, String... dayAndQuantity) {
        List<DailyUsage> usage = new ArrayList<>();
        for (int i = 0; i < dayAndQuantity.length; i += 2) {
            usage.add(new DailyUsage(metric.id(), LocalDate.parse(dayAndQuantity[i]), new BigDecimal(dayAndQuantity[i + 1]), 1));
        }
        Catalog catalog = new Catalog(List.of(USD), "test", Map.of(metric.id(), metric), List.of());
        return Rater.rate(catalog, USD, new BillingPeriods(Instant.parse("2026-11-01T00:00:00Z")), usage,
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
    }

    @Test
    void aPriceRiseChargesOnlyTheDaysIncrementAtTheNewPrice() {
        // 20M requests on the 10th at $0.30/M beyond 10M included; $0.60/M from the 20th; 1 request on the 25th.
        List<UsageRecord> records = rateNovember(workersRequests("0.60", 10_000_000, LocalDate.parse("2026-11-20")),
                "2026-11-10", "20000000", "2026-11-25", "1");
        assertThat(records.get(0).contractedCost().amount()).isEqualByComparingTo("3.000000");
        assertThat(records.get(1).contractedCost().amount()).isEqualByComparingTo("0.000001");
        assertThat(records.get(1).cumulatedContractedCost().amount()).isEqualByComparingTo("3.000001");
        assertThat(records.get(1).pricingQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void aPriceCutNeverMakesANegativeDay() {
        List<UsageRecord> records = rateNovember(workersRequests("0.10", 10_000_000, LocalDate.parse("2026-11-20")),
                "2026-11-10", "20000000", "2026-11-25", "5000000");
        assertThat(records.get(1).contractedCost().amount()).isEqualByComparingTo("0.500000");
        assertThat(records.get(1).cumulatedContractedCost().amount()).isEqualByComparingTo("3.500000");
    }

    @Test
    void aSmallerAllowanceFromTheNewVersionAppliesToTheIncrementAtItsPosition() {
        // 8M used before the change; the new version includes only 5M, so the next 1M is all billable.
        List<UsageRecord> records = rateNovember(workersRequests("0.30", 5_000_000, LocalDate.parse("2026-11-20")),
                "2026-11-10", "8000000", "2026-11-25", "1000000");
        assertThat(records.get(0).contractedCost().amount()).isEqualByComparingTo("0");
        assertThat(records.get(1).contractedCost().amount()).isEqualByComparingTo("0.300000");
        assertThat(records.get(1).pricingQuantity()).isEqualByComparingTo("1000000");
    }

    @Test
    void workersLogsStopAndObservabilityStartsOnTheFirstOfDecemberInOnePeriod() {
        Catalog catalog = CatalogLoader.loadDefault();
        BillingPeriods periods = new BillingPeriods(Instant.parse("2026-09-15T00:00:00Z"));
        List<DailyUsage> usage = List.of(
                new DailyUsage("workers_logs.events_written", LocalDate.parse("2026-11-20"), new BigDecimal("30000000"), 1),
                new DailyUsage("workers_logs.events_written", LocalDate.parse("2026-12-02"), new BigDecimal("5000000"), 1),
                new DailyUsage("observability.ingestion", LocalDate.parse("2026-12-02"), new BigDecimal("60"), 1));
        List<UsageRecord> records = Rater.rate(catalog, USD, periods, usage, LocalDate.parse("2026-11-15"),
                LocalDate.parse("2026-12-14"));
        assertThat(records).extracting(UsageRecord::metric, UsageRecord::chargePeriodStart).containsExactly(
                org.assertj.core.groups.Tuple.tuple("workers_logs.events_written", LocalDate.parse("2026-11-20")),
                org.assertj.core.groups.Tuple.tuple("observability.ingestion", LocalDate.parse("2026-12-02")));
        // 10M beyond the 20M included at $0.60/M; 60 GB ingested, 10 GB beyond the 50 GB included at $0.25/GB.
        assertThat(records.get(0).contractedCost().amount()).isEqualByComparingTo("6.00");
        assertThat(records.get(1).contractedCost().amount()).isEqualByComparingTo("2.50");
    }
}
