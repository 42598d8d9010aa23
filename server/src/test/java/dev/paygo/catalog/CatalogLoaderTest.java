package dev.paygo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {
    private static Catalog parse(String yaml) {
        return CatalogLoader.parse(new StringReader(yaml), "test.yaml");
    }

    @Test
    void defaultCatalogCarriesCloudflaresMetricIdsAndRules() {
        Catalog catalog = CatalogLoader.loadDefault();
        assertThat(catalog.currency()).isEqualTo("USD");
        assertThat(catalog.metrics()).containsKeys("workers.requests", "workers.cpu_ms", "r2.standard.storage",
                "kv.keys_read", "d1.rows_read", "durable_objects.requests", "workers_ai.neurons");
        Metric neurons = catalog.findMetric("workers_ai.neurons").orElseThrow();
        assertThat(neurons.versions().get(0).includedScope()).isEqualTo(AllowanceScope.DAY);
        Metric r2 = catalog.findMetric("r2.standard.class_a").orElseThrow();
        assertThat(r2.pricingRounding()).isEqualTo(Rounding.UP);
        assertThat(r2.pricingQuantity(new BigDecimal("1000001"))).isEqualByComparingTo("2");
        assertThat(catalog.findMetric("observability.ingestion").orElseThrow().availableFrom())
                .isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(catalog.subscriptions()).extracting(SubscriptionFee::id).contains("workers_paid.subscription");
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        String yaml = """
                currency: USD
                metrics:
                  - id: ok.metric
                    family: F
                    name: N
                    consumed_unit: u
                    pricing_unit: u
                    pricing_unit_size: 1
                    pricing_rounding: sideways
                    colour: red
                    versions:
                      - effective_from: 2025-01-01
                        block_size: 3
                        tiers:
                          - up_to: 10
                            price: "1"
                          - price: "-1"
                  - id: ok.metric
                    family: F
                """;
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("line 9: metrics[0].pricing_rounding must be one of")
                .hasMessageContaining("line 10: metrics[0].colour is not a known field")
                .hasMessageContaining("line 13: metrics[0].versions[0].block_size must be a power of ten")
                .hasMessageContaining("line 17: metrics[0].versions[0].tiers[1].price must not be negative")
                .hasMessageContaining("line 18: metrics[1] needs the field 'name'");
    }

    @Test
    void syntaxErrorsAndDuplicateKeysNameTheLine() {
        assertThatThrownBy(() -> parse("currency: USD\nmetrics: [\n"))
                .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> parse("currency: USD\ncurrency: EUR\nmetrics: []\n"))
                .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("line 2");
    }

    @Test
    void versionsMustMoveForwardInTime() {
        String yaml = """
                currency: USD
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up, versions: [
                       {effective_from: 2025-02-01, tiers: [{price: "1"}]},
                       {effective_from: 2025-01-01, tiers: [{price: "2"}]}]}
                """;
        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("must be effective after the version before it");
    }

    @Test
    void jsonCatalogsAreReadToo() {
        Catalog catalog = parse("""
                {"currency": "EUR", "metrics": [{"id": "api.calls", "family": "API", "name": "API calls",
                  "consumed_unit": "call", "pricing_unit": "call", "pricing_unit_size": 1, "pricing_rounding": "up",
                  "versions": [{"effective_from": "2025-01-01", "included": 1000, "block_size": 1000,
                    "tiers": [{"up_to": 10000, "price": "0.50"}, {"price": "0.25"}]}]}]}""");
        PriceVersion version = catalog.findMetric("api.calls").orElseThrow().versions().get(0);
        // 21,000 calls: 20,000 billable; 10,000 at 0.50 per 1,000, then 10,000 at 0.25 per 1,000.
        assertThat(version.cost(new BigDecimal("21000"))).isEqualByComparingTo("7.50");
        assertThat(version.cost(new BigDecimal("999"))).isEqualByComparingTo("0");
    }
}
