package dev.paygo.focus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.paygo.usage.Tags;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes a {@link FocusRecord} as Cloudflare's v2 record ({@code UsageGetAccountUsageV2ResponseItem} of
 * {@code cloudflare@7.3.0}): every column it types ({@code x_ProductCategoryName} when the catalog gives the metric a
 * category), {@code x_ZoneId}/{@code x_ZoneName} only when grouped by zone
 * and {@code Tags} only when grouped by tag (as Cloudflare omits them otherwise), {@code RegionId}/{@code RegionName}
 * null (paygo does not meter by region).
 */
final class FocusJson extends StdSerializer<FocusRecord> {
    FocusJson() {
        super(FocusRecord.class);
    }

    @Override
    public void serialize(FocusRecord r, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeStringField("BillingAccountId", r.billingAccountId());
        g.writeStringField("BillingAccountName", r.billingAccountName());
        g.writeStringField("BillingCurrency", r.billingCurrency());
        g.writeStringField("BillingPeriodStart", timestamp(r.billingPeriodStart()));
        g.writeStringField("BillingPeriodEnd", timestamp(r.billingPeriodEnd()));
        g.writeStringField("ChargeCategory", "Usage");
        g.writeStringField("ChargeClass", r.chargeClass());
        g.writeStringField("ChargeDescription", r.chargeDescription());
        g.writeStringField("ChargeFrequency", "Usage-Based");
        g.writeStringField("ChargePeriodStart", timestamp(r.chargePeriodStart()));
        g.writeStringField("ChargePeriodEnd", timestamp(r.chargePeriodEnd()));
        number(g, "ConsumedQuantity", r.consumedQuantity());
        g.writeStringField("ConsumedUnit", r.consumedUnit());
        number(g, "PricingQuantity", r.pricingQuantity());
        g.writeStringField("PricingUnit", r.pricingUnit());
        number(g, "BilledCost", r.billedCost());
        number(g, "ContractedCost", r.contractedCost());
        number(g, "ContractedUnitPrice", r.contractedUnitPrice());
        number(g, "EffectiveCost", r.effectiveCost());
        number(g, "ListCost", r.listCost());
        number(g, "ListUnitPrice", r.listUnitPrice());
        g.writeStringField("HostProviderName", r.providerName());
        g.writeStringField("InvoiceIssuerName", r.providerName());
        g.writeStringField("ServiceProviderName", r.providerName());
        g.writeNullField("RegionId");
        g.writeNullField("RegionName");
        g.writeStringField("SubAccountId", r.subAccountId());
        g.writeStringField("SubAccountName", r.subAccountName());
        g.writeStringField("x_BillableMetricId", r.billableMetricId());
        g.writeStringField("x_BillableMetricName", r.billableMetricName());
        g.writeStringField("x_ProductFamilyId", r.productFamilyId());
        g.writeStringField("x_ProductFamilyName", r.productFamilyName());
        if (r.productCategoryName() != null) {
            g.writeStringField("x_ProductCategoryName", r.productCategoryName());
        }
        if (r.zoneGrouped()) {
            g.writeStringField("x_ZoneId", r.zoneId().orElse(null));
            g.writeStringField("x_ZoneName", r.zoneName().orElse(null));
        }
        if (r.tags().isPresent()) {
            g.writeObjectFieldStart("Tags");
            for (Map.Entry<String, String> tag : r.tags().get().entrySet()) {
                if (Tags.KEY_ONLY.equals(tag.getValue())) {
                    g.writeBooleanField(tag.getKey(), true);
                } else {
                    g.writeStringField(tag.getKey(), tag.getValue());
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value.toPlainString());
    }

    /** A UTC day as the RFC 3339 timestamp of its midnight, as Cloudflare writes FOCUS dates. */
    static String timestamp(LocalDate day) {
        return day + "T00:00:00Z";
    }
}
