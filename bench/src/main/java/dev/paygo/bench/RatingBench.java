package dev.paygo.bench;

import dev.paygo.catalog.Catalog;
import dev.paygo.catalog.CatalogLoader;
import dev.paygo.catalog.Metric;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.Rater;
import dev.paygo.rating.UsageRecord;
import dev.paygo.usage.DailyUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The rating engine on what one usage query rates: 50 metrics on 31 days, from the start of the period. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RatingBench {
    private Catalog catalog;
    private BillingPeriods periods;
    private List<DailyUsage> usage;
    private LocalDate from;
    private LocalDate to;

    @Setup
    public void setUp() {
        catalog = CatalogLoader.loadDefault();
        periods = new BillingPeriods(Instant.parse("2025-01-15T00:00:00Z"));
        from = LocalDate.parse("2025-03-01");
        to = from.plusDays(30);
        usage = new ArrayList<>();
        List<Metric> metrics = catalog.listMetrics().stream()
                .filter(m -> m.availableFrom().isBefore(from)).limit(QueryLoad.METRICS).toList();
        for (LocalDate day = periods.containing(from).start(); !day.isAfter(to); day = day.plusDays(1)) {
            for (Metric metric : metrics) {
                usage.add(new DailyUsage(metric.id(), day, new BigDecimal("123456.789"), 100));
            }
        }
    }

    @Benchmark
    public List<UsageRecord> rate31DaysOf50Metrics() {
        return Rater.rate(catalog, java.util.Currency.getInstance("USD"), periods, usage, from, to);
    }
}
