package dev.paygo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {
    private static Catalog parse(String yaml) {
        return CatalogLoader.parse(new StringReader(yaml), "test.yaml");
    }

    @Test
    void defaultCatalogCarriesCloudflaresMetricIdsAndRules() {
        Catalog catalog = CatalogLoader.loadDefault();
        assertThat(catalog.currencies()).containsExactly(Currency.getInstance("USD"));
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
    void problemsAreListedInTheOrderOfTheFile() {
        // Jackson tells of an unknown field (line 5) only after the rest of its record (the date on line 12).
        assertThatThrownBy(() -> parse("currency: USD\nmetrics:\n" + METRIC.replace("family: F", "family: F\n    colour: red")
                .replace("2025-01-01", "2025")))
                .hasMessageMatching("(?s)test.yaml: 2 problem\\(s\\):\n  line 5: metrics\\[0\\].colour .*\n  line 12: .*");
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
        Currency eur = Currency.getInstance("EUR");
        assertThat(version.cost(new BigDecimal("21000"), eur).amount()).isEqualByComparingTo("7.50");
        assertThat(version.cost(new BigDecimal("999"), eur).amount()).isEqualByComparingTo("0");
    }

    @Test
    void aClosedLastTierIsRefused() {
        String yaml = """
                currency: USD
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up, versions: [
                       {effective_from: 2025-01-01, tiers: [{up_to: 100, price: "1"}, {up_to: 200, price: "2"}]}]}
                """;
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("up_to must be left out on the last tier: usage beyond it would be free");
    }

    @Test
    void versionsMayNotChangeWhatTheAllowanceIsGrantedOver() {
        String yaml = """
                currency: USD
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up, versions: [
                       {effective_from: 2025-01-01, included: 10, tiers: [{price: "1"}]},
                       {effective_from: 2025-06-01, included: 10, included_scope: day, tiers: [{price: "1"}]}]}
                """;
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("changes included_scope from billing_period to day");
    }

    @Test
    void aRetiredMetricIsNotMeteredFromItsRetirementDay() {
        Catalog catalog = parse("""
                currency: USD
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up, retired_from: 2025-03-01,
                     versions: [{effective_from: 2025-01-01, tiers: [{price: "1"}]}]}
                """);
        Metric metric = catalog.findMetric("m").orElseThrow();
        assertThat(catalog.findMetricAt("m", LocalDate.parse("2025-02-28"))).isPresent();
        assertThat(catalog.findMetricAt("m", LocalDate.parse("2025-03-01"))).isEmpty();
        assertThat(metric.retiredFrom()).contains(LocalDate.parse("2025-03-01"));
        assertThatThrownBy(() -> parse("""
                currency: USD
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up, retired_from: 2025-01-01,
                     versions: [{effective_from: 2025-01-01, tiers: [{price: "1"}]}]}
                """)).hasMessageContaining("must be effective before the metric's retired_from 2025-01-01");
    }

    @Test
    void aCatalogPricesInEveryCurrencyItNamesAndOnlyInIso4217Ones() {
        Catalog catalog = parse("""
                currencies: [USD, JPY]
                subscriptions:
                  - {id: plan, name: Plan, price: {USD: "5", JPY: "750"}, period: month, effective_from: 2025-01-01}
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up,
                     versions: [{effective_from: 2025-01-01, block_size: 1000, tiers: [{price: {USD: "0.30", JPY: "45"}}]}]}
                """);
        Currency jpy = Currency.getInstance("JPY");
        assertThat(catalog.currencies()).containsExactly(Currency.getInstance("USD"), jpy);
        assertThat(catalog.findMetric("m").orElseThrow().versions().get(0).cost(new BigDecimal("2000"), jpy).amount())
                .isEqualByComparingTo("90");
        assertThat(catalog.subscriptions().get(0).price(jpy).amount()).isEqualByComparingTo("750");

        assertThatThrownBy(() -> parse("""
                currencies: [USD, EUR]
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up, versions: [{effective_from: 2025-01-01, tiers: [{price: "1"}]}]}
                """)).hasMessageContaining("must give a price for each of [USD, EUR]");
        assertThatThrownBy(() -> parse("""
                currencies: [USD, EUR]
                metrics:
                  - {id: m, family: F, name: N, consumed_unit: u, pricing_unit: u, pricing_unit_size: 1,
                     pricing_rounding: up, versions: [{effective_from: 2025-01-01, tiers: [{price: {USD: "1", GBP: "1"}}]}]}
                """)).hasMessageContaining("needs a EUR price").hasMessageContaining("GBP is not one of the catalog's currencies");
        for (String code : new String[] {"usd", "ABC", "XAU", "XXX", "US"}) {
            assertThatThrownBy(() -> parse("currency: " + code + "\nmetrics: []\n")).as(code)
                    .hasMessageContaining("must be an ISO 4217 currency code with a minor unit");
        }
    }

    private static final String METRIC = """
              - id: m
                family: F
                name: N
                consumed_unit: u
                pricing_unit: u
                pricing_unit_size: 1
                pricing_rounding: up
                versions:
                  - effective_from: 2025-01-01
                    tiers:
                      - price: 0.30
            """;

    @Test
    void valuesAreReadAsWrittenNeverThroughABinaryFloat() {
        Catalog catalog = parse("currency: USD\nmetrics:\n" + METRIC.replace("name: N", "name: yes")
                .replace("price: 0.30", "price: 0.000000123456789012345678901"));
        Metric metric = catalog.findMetric("m").orElseThrow();
        assertThat(metric.name()).isEqualTo("yes");
        assertThat(metric.versions().get(0).tiers().get(0).prices().get(Currency.getInstance("USD")))
                .isEqualTo(new BigDecimal("0.000000123456789012345678901"));
        assertThat(parse("currency: USD\nmetrics:\n" + METRIC).findMetric("m").orElseThrow().versions().get(0).tiers()
                .get(0).prices().get(Currency.getInstance("USD"))).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void valuesOfTheWrongKindAreProblemsAtTheirLineNotGuesses() {
        // A bare number is neither a date (not a day count from 1970) nor a rounding (not the enum's index).
        assertThatThrownBy(() -> parse("currency: USD\nmetrics:\n" + METRIC.replace("2025-01-01", "2025")
                .replace("pricing_rounding: up", "pricing_rounding: 1")))
                .hasMessageContaining("2 problem(s)")
                .hasMessageContaining("line 9: metrics[0].pricing_rounding must be one of [exact, up, down, nearest], not 1")
                .hasMessageContaining("line 11: metrics[0].versions[0].effective_from must be a date such as 2025-01-01");
        assertThatThrownBy(() -> parse("currency: USD\nmetrics:\n" + METRIC.replace("    tiers:\n", "    tiers: {a: 1}\n"
                + "        colour:\n").replace("name: N", "name: [N]")))
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("line 5: metrics[0].name must be a non-empty value")
                .hasMessageContaining("line 12: metrics[0].versions[0].tiers must be a list")
                .hasMessageContaining("line 13: metrics[0].versions[0].colour is not a known field (known: "
                        + "block_rounding, block_size, effective_from, included, included_scope, tiers)");
        assertThatThrownBy(() -> parse("currency: USD\nmetrics: {id: m}\n")).hasMessageContaining("line 2: metrics must be a list");
        assertThatThrownBy(() -> parse("currency: USD\nmetrics:\n  - [m]\n")).hasMessageContaining(
                "line 3: metrics[0] must be a mapping of fields");
        assertThatThrownBy(() -> parse("currency: USD\nmetrics:\n  - ~\n" + METRIC)).hasMessageContaining(
                "line 3: metrics has an empty item");
        assertThatThrownBy(() -> parse("just text")).hasMessageContaining("line 1: must be a mapping of fields");
        assertThatThrownBy(() -> parse("\n")).hasMessageContaining("test.yaml: is empty");
        assertThatThrownBy(() -> parse("currency: USD\nmetrics:\n" + METRIC.replace("name: N", "name: ~")))
                .hasMessageContaining("line 3: metrics[0] needs the field 'name'");
    }

    @Test
    void aYamlAliasIsRefusedRatherThanReadAsItsName() {
        assertThatThrownBy(() -> parse("currency: USD\nmetrics:\n" + METRIC.replace("price: 0.30",
                "price: &usual 0.30\n          - price: *usual")))
                .hasMessageContaining("line 14: metrics[0].versions[0].tiers[1].price is a YAML alias (*usual): write "
                        + "the value out, aliases are not supported");
    }
}
