package dev.paygo.focus;

import dev.paygo.usage.Tags;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of a FOCUS export, in order, with FOCUS 1.3's names and types: strings, decimals (exact, never
 * floats) and UTC timestamps (a day's midnight). {@code Tags} is FOCUS's key-value format, a JSON object;
 * {@code x_ZoneId}, {@code x_ZoneName} and {@code Tags} are null unless the export groups by them.
 */
final class FocusColumns {
    /** What a column holds. */
    enum Type { STRING, DECIMAL, TIMESTAMP }

    /** One column: its name, its type, and its value in a record (null when empty). */
    record Column(String name, Type type, Function<FocusRecord, Object> value) {
    }

    static final List<Column> ALL = List.of(
            new Column("BilledCost", Type.DECIMAL, FocusRecord::billedCost),
            new Column("BillingAccountId", Type.STRING, FocusRecord::billingAccountId),
            new Column("BillingAccountName", Type.STRING, FocusRecord::billingAccountName),
            new Column("BillingCurrency", Type.STRING, FocusRecord::billingCurrency),
            new Column("BillingPeriodEnd", Type.TIMESTAMP, FocusRecord::billingPeriodEnd),
            new Column("BillingPeriodStart", Type.TIMESTAMP, FocusRecord::billingPeriodStart),
            new Column("ChargeCategory", Type.STRING, r -> "Usage"),
            new Column("ChargeClass", Type.STRING, FocusRecord::chargeClass),
            new Column("ChargeDescription", Type.STRING, FocusRecord::chargeDescription),
            new Column("ChargeFrequency", Type.STRING, r -> "Usage-Based"),
            new Column("ChargePeriodEnd", Type.TIMESTAMP, FocusRecord::chargePeriodEnd),
            new Column("ChargePeriodStart", Type.TIMESTAMP, FocusRecord::chargePeriodStart),
            new Column("ConsumedQuantity", Type.DECIMAL, FocusRecord::consumedQuantity),
            new Column("ConsumedUnit", Type.STRING, FocusRecord::consumedUnit),
            new Column("ContractedCost", Type.DECIMAL, FocusRecord::contractedCost),
            new Column("ContractedUnitPrice", Type.DECIMAL, FocusRecord::contractedUnitPrice),
            new Column("EffectiveCost", Type.DECIMAL, FocusRecord::effectiveCost),
            new Column("HostProviderName", Type.STRING, FocusRecord::providerName),
            new Column("InvoiceIssuerName", Type.STRING, FocusRecord::providerName),
            new Column("ListCost", Type.DECIMAL, FocusRecord::listCost),
            new Column("ListUnitPrice", Type.DECIMAL, FocusRecord::listUnitPrice),
            new Column("PricingQuantity", Type.DECIMAL, FocusRecord::pricingQuantity),
            new Column("PricingUnit", Type.STRING, FocusRecord::pricingUnit),
            new Column("RegionId", Type.STRING, r -> null),
            new Column("RegionName", Type.STRING, r -> null),
            new Column("ServiceProviderName", Type.STRING, FocusRecord::providerName),
            new Column("SubAccountId", Type.STRING, FocusRecord::subAccountId),
            new Column("SubAccountName", Type.STRING, FocusRecord::subAccountName),
            new Column("Tags", Type.STRING, FocusColumns::tagsJson),
            new Column("x_BillableMetricId", Type.STRING, FocusRecord::billableMetricId),
            new Column("x_BillableMetricName", Type.STRING, FocusRecord::billableMetricName),
            new Column("x_ProductFamilyId", Type.STRING, FocusRecord::productFamilyId),
            new Column("x_ProductFamilyName", Type.STRING, FocusRecord::productFamilyName),
            new Column("x_ProductCategoryName", Type.STRING, FocusRecord::productCategoryName),
            new Column("x_ZoneId", Type.STRING, r -> r.zoneId().orElse(null)),
            new Column("x_ZoneName", Type.STRING, r -> r.zoneName().orElse(null)));

    /** Decimal places every decimal column keeps in Parquet ({@code DECIMAL(38, 18)}). */
    static final int DECIMAL_SCALE = 18;
    static final int DECIMAL_PRECISION = 38;

    private FocusColumns() {
    }

    /** FOCUS's key-value format: the grouped tags as a JSON object (key-only tags as {@code true}). */
    private static String tagsJson(FocusRecord r) {
        return r.tags().map(t -> t.isEmpty() ? "{}" : new Tags(t).toJson()).orElse(null);
    }

    /**
     * A decimal at the export's scale. Costs (record scale) and quantities (at most 18 places) are exact there; a unit
     * price of a catalog with more than 18 decimal places per pricing unit is rounded half-even rather than failing
     * an export half-way.
     */
    static BigDecimal scaled(BigDecimal value) {
        return value.setScale(DECIMAL_SCALE, java.math.RoundingMode.HALF_EVEN);
    }
}
