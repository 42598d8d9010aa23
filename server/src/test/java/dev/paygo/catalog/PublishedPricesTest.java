package dev.paygo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.Rater;
import dev.paygo.rating.UsageRecord;
import dev.paygo.usage.DailyUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default catalog against Cloudflare's published prices (the repository's copy of the public price facts,
 * {@code catalog/cloudflare-paygo-prices.json}), metric by metric: a month with the allowance used up and two
 * priced units more costs exactly two prices. Also Cloudflare's own worked examples.
 */
class PublishedPricesTest {
    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Currency USD = Currency.getInstance("USD");
    private static final BillingPeriods PERIODS = new BillingPeriods(Instant.parse("2027-01-01T00:00:00Z"));

    private static BigDecimal monthCost(String metric, String... dailyQuantities) {
        return monthCost(LocalDate.parse("2027-01-01"), metric, dailyQuantities);
    }

    /** The cost of a month of usage from {@code first}, the first day of a billing period. */
    private static BigDecimal monthCost(LocalDate first, String metric, String... dailyQuantities) {
        List<DailyUsage> usage = new ArrayList<>();
        LocalDate day = first;
        for (String quantity : dailyQuantities) {
            usage.add(new DailyUsage(metric, day, new BigDecimal(quantity), 1));
            day = day.plusDays(1);
        }
        List<UsageRecord> records = Rater.rate(CATALOG, USD, PERIODS, usage, first, first.plusMonths(1).minusDays(1));
        return records.get(records.size() - 1).cumulatedContractedCost().amount();
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void everyPricedMetricCostsItsPublishedPriceBeyondItsAllowance() throws Exception {
        JsonNode root;
        try (InputStream facts = PublishedPricesTest.class.getResourceAsStream("/catalog/cloudflare-paygo-prices.json")) {
            assertThat(facts).as("the price facts in src/test/resources/catalog").isNotNull();
            root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(facts);
        }
        int checked = 0;
        for (JsonNode product : root.get("products")) {
            for (JsonNode metric : product.get("metrics")) {
                BigDecimal price = metric.get("price_usd").decimalValue();
                if (price.signum() == 0) {
                    continue;
                }
                String id = metric.get("id").asText();
                assertThat(CATALOG.findMetric(id)).as(id).isPresent();
                BigDecimal perUnits = metric.get("per_units").decimalValue();
                boolean daily = metric.has("included_per_day");
                BigDecimal included = daily ? metric.get("included_per_day").decimalValue()
                        : metric.path("included_per_month").decimalValue();
                BigDecimal usage = included.add(perUnits.multiply(BigDecimal.valueOf(2)));
                // A metric is priced from its first version's month and, if retired, before its retirement.
                LocalDate first = LocalDate.parse("2027-01-01");
                Metric m = CATALOG.findMetric(id).orElseThrow();
                if (m.retiredFrom().isPresent()) {
                    first = m.retiredFrom().get().minusMonths(1).withDayOfMonth(1);
                }
                BigDecimal cost = monthCost(first, id, usage.toPlainString());
                assertThat(cents(cost)).as(id).isEqualByComparingTo(cents(price.multiply(BigDecimal.valueOf(2))));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void workersLogsEventsAreRetiredWhenObservabilityPricingStarts() {
        Metric logs = CATALOG.findMetric("workers_logs.events_written").orElseThrow();
        assertThat(logs.retiredFrom()).contains(LocalDate.parse("2026-12-01"));
        assertThat(logs.versionAt(LocalDate.parse("2026-11-30"))).isPresent();
        assertThat(logs.versionAt(LocalDate.parse("2026-12-01"))).isEmpty();
        assertThat(CATALOG.findMetric("observability.ingestion").orElseThrow().availableFrom())
                .isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void workersExampleFifteenMillionRequestsAndHundredFiveMillionCpuMs() {
        assertThat(monthCost("workers.requests", "15000000")).isEqualByComparingTo("1.50");
        assertThat(monthCost("workers.cpu_ms", "105000000")).isEqualByComparingTo("1.50");
    }

    @Test
    void r2RoundsUsageUpToTheNextBillingUnit() {
        // 1,000,001 Class A operations bill as 2 million: one million beyond the free million.
        assertThat(monthCost("r2.standard.class_a", "1000001")).isEqualByComparingTo("4.50");
        // 11.1 GB-month: 12 billed, 2 beyond the 10 included.
        assertThat(monthCost("r2.standard.storage", "11.1")).isEqualByComparingTo("0.03");
    }

    @Test
    void durableObjectsRoundBillableUsageUpToTheNextUnit() {
        // Published: 500,000 GB-s of billable duration is rounded up to 1,000,000 GB-s.
        assertThat(monthCost("durable_objects.duration", "900000")).isEqualByComparingTo("12.50");
        assertThat(monthCost("durable_objects.requests", "1000001")).isEqualByComparingTo("0.15");
    }

    @Test
    void workersAiNeuronsAreFreeUpToTenThousandEachDay() {
        // 15,000 neurons a day for 30 days: 5,000 billable a day at $0.011 per 1,000.
        String[] days = new String[30];
        java.util.Arrays.fill(days, "15000");
        assertThat(monthCost("workers_ai.neurons", days)).isEqualByComparingTo("1.65");
        assertThat(monthCost("workers_ai.neurons", "9000", "9000")).isEqualByComparingTo("0");
    }

    @Test
    void browserHoursRoundToTheNearestHour() {
        assertThat(monthCost("browser_run.browser_hours", "15.4")).isEqualByComparingTo("0.45");
        assertThat(monthCost("browser_run.browser_hours", "15.5")).isEqualByComparingTo("0.54");
    }
}
