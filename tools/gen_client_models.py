#!/usr/bin/env python3
"""Generates the JSON-backed model classes of the Java SDK (client/src/main/java/dev/paygo/client/models).

Each model is an immutable JSON object with typed getters (Optional for optional fields), a builder, and
room for fields it does not know. Edit MODELS below and run:  tools/gen_client_models.py
"""
import os
import re

OUT = os.path.join(os.path.dirname(__file__), "..", "client", "src", "main", "java", "dev", "paygo", "client", "models")

JAVA = {"string": "String", "int": "Integer", "long": "Long", "bool": "Boolean", "decimal": "java.math.BigDecimal",
        "datetime": "java.time.OffsetDateTime", "date": "java.time.LocalDate"}
READ = {"string": "string", "int": "integer", "long": "longValue", "bool": "bool", "decimal": "decimal",
        "datetime": "dateTime", "date": "date"}

# (json name, type, required?, doc)
MODELS = {
    "ProfileGetResponse": ("An account's billing profile (Cloudflare's {@code ProfileGetResponse}); fields never set are empty.", False, [
        ("id", "string", False, "the profile's identifier"), ("account_type", "string", False, ""),
        ("address", "string", False, ""), ("address2", "string", False, ""),
        ("balance", "string", False, "the balance as a decimal string in the billing currency"),
        ("card_brand", "string", False, "paygo: the brand of the card on file"),
        ("card_expiry_month", "int", False, ""), ("card_expiry_year", "int", False, ""),
        ("card_number", "string", False, "masked: only the last four digits are shown"),
        ("city", "string", False, ""), ("company", "string", False, ""), ("country", "string", False, ""),
        ("created_on", "datetime", False, ""), ("device_data", "string", False, ""), ("edited_on", "datetime", False, ""),
        ("enterprise_billing_email", "string", False, ""), ("enterprise_primary_email", "string", False, ""),
        ("first_name", "string", False, ""), ("is_partner", "bool", False, ""), ("last_name", "string", False, ""),
        ("next_bill_date", "datetime", False, "the first day of the next billing period"),
        ("payment_address", "string", False, ""), ("payment_address2", "string", False, ""),
        ("payment_city", "string", False, ""), ("payment_country", "string", False, ""),
        ("payment_email", "string", False, ""), ("payment_first_name", "string", False, ""),
        ("payment_gateway", "string", False, ""), ("payment_last_name", "string", False, ""),
        ("payment_nonce", "string", False, ""), ("payment_state", "string", False, ""),
        ("payment_zipcode", "string", False, ""), ("primary_email", "string", False, ""), ("state", "string", False, ""),
        ("tax_id_type", "string", False, ""), ("telephone", "string", False, ""), ("use_legacy", "bool", False, ""),
        ("validation_code", "string", False, ""), ("vat", "string", False, ""), ("zipcode", "string", False, "")]),
    "UsagePaygoResponseItem": ("One day of one metric: Cloudflare's PayGo usage record. The FOCUS fields are present on the newer endpoints.", False, [
        ("BillingCurrency", "string", True, ""), ("BillingPeriodStart", "datetime", True, ""),
        ("ChargePeriodStart", "datetime", True, "the UTC day (inclusive)"),
        ("ChargePeriodEnd", "datetime", True, "the next UTC day (exclusive)"),
        ("ConsumedQuantity", "decimal", True, "the day's exact consumption"), ("ConsumedUnit", "string", True, ""),
        ("ContractedCost", "decimal", True, "the day's cost"),
        ("CumulatedContractedCost", "decimal", True, "the cost since the billing period started"),
        ("CumulatedPricingQuantity", "decimal", True, ""), ("PricingQuantity", "decimal", True, ""),
        ("ServiceName", "string", True, ""), ("ServiceFamilyName", "string", False, ""),
        ("SubscriptionId", "string", False, ""), ("BillingAccountId", "string", False, ""),
        ("BillingAccountName", "string", False, ""), ("BilledCost", "decimal", False, ""),
        ("EffectiveCost", "decimal", False, ""), ("ListCost", "decimal", False, ""), ("PricingUnit", "string", False, ""),
        ("ChargeCategory", "string", False, ""), ("ChargeDescription", "string", False, ""),
        ("ZoneId", "string", False, ""), ("ZoneName", "string", False, "")]),
    "UsageSubscription": ("A PayGo subscription of an account.", False, [
        ("id", "string", True, ""), ("billing_cycle_anchor_timestamp", "datetime", False, ""),
        ("start_timestamp", "datetime", False, ""), ("end_timestamp", "datetime", False, "")]),
    "UsagePaygoInfoResponse": ("Whether an account is covered by PayGo usage billing, and its subscriptions.", False, [
        ("covered", "bool", True, ""), ("subscriptions", "list:UsageSubscription", False, "")]),
    "UsageIngestResponse": ("What an ingestion request stored: new events and repeats (counted once).", False, [
        ("accepted", "long", True, ""), ("duplicates", "long", True, "")]),
    "UsageEvent": ("One usage event to send: {@code quantity} of {@code metric} at {@code timestamp}; {@code id} makes it idempotent.", True, [
        ("id", "string", True, "unique per account: a repeat is counted once"),
        ("account_id", "string", False, "optional when sent to one account's route"),
        ("metric", "string", True, "a catalog metric id, such as workers.requests"),
        ("quantity", "decimal", True, "an exact decimal, 0 or more"), ("timestamp", "datetime", True, ""),
        ("zone_id", "string", False, ""),
        ("tags", "stringmap", False, "cost allocation tags: at most 10 keys, values of at most 256 characters")]),
    "FocusRecord": ("One FOCUS 1.3 cost and usage record (Cloudflare's v2 billable usage) with its costs filled; amounts are exact.", False, [
        ("BillingAccountId", "string", True, ""), ("BillingAccountName", "string", False, ""),
        ("BillingCurrency", "string", True, ""), ("BillingPeriodStart", "datetime", True, ""),
        ("BillingPeriodEnd", "datetime", True, "exclusive: the next billing period's start"),
        ("ChargeCategory", "string", True, "Usage"), ("ChargeClass", "string", False, "Correction for late usage of an invoiced period"),
        ("ChargeDescription", "string", True, ""), ("ChargeFrequency", "string", True, "Usage-Based"),
        ("ChargePeriodStart", "datetime", True, "the UTC day (inclusive)"),
        ("ChargePeriodEnd", "datetime", True, "the next UTC day (exclusive)"),
        ("ConsumedQuantity", "decimal", True, ""), ("ConsumedUnit", "string", True, ""),
        ("PricingQuantity", "decimal", True, ""), ("PricingUnit", "string", True, ""),
        ("BilledCost", "decimal", True, ""), ("ContractedCost", "decimal", True, ""),
        ("ContractedUnitPrice", "decimal", True, "the unit price in force for the day's last pricing unit"),
        ("EffectiveCost", "decimal", True, "the cost less its share of the credit its invoice applied"),
        ("ListCost", "decimal", True, ""), ("ListUnitPrice", "decimal", True, ""),
        ("HostProviderName", "string", True, ""), ("InvoiceIssuerName", "string", True, ""),
        ("ServiceProviderName", "string", True, ""), ("RegionId", "string", False, ""), ("RegionName", "string", False, ""),
        ("SubAccountId", "string", False, "the subscription"), ("SubAccountName", "string", False, ""),
        ("x_BillableMetricId", "string", True, ""), ("x_BillableMetricName", "string", False, ""),
        ("x_ProductFamilyId", "string", False, ""), ("x_ProductFamilyName", "string", False, ""),
        ("x_ProductCategoryName", "string", False, "the product category, when the catalog gives one"),
        ("x_ZoneId", "string", False, "only when grouped by zone"), ("x_ZoneName", "string", False, ""),
        ("Tags", "stringmap", False, "the grouped tag keys' values (a key-only tag reads as true)")]),
    "Organization": ("An organization: accounts whose usage is reported together.", False, [
        ("id", "string", True, ""), ("name", "string", True, ""), ("created_on", "datetime", True, ""),
        ("accounts", "stringlist", False, "the member accounts' ids")]),
    "Zone": ("A zone an account named, for x_ZoneName.", False, [
        ("id", "string", True, ""), ("name", "string", True, ""), ("modified_on", "datetime", False, "")]),
    "Account": ("A billed account.", False, [
        ("id", "string", True, ""), ("name", "string", True, ""), ("billing_currency", "string", True, ""),
        ("billing_cycle_anchor", "datetime", True, ""), ("created_on", "datetime", True, "")]),
    "PermissionGroupRef": ("A permission group of a token policy.", True, [
        ("id", "string", True, ""), ("name", "string", False, "")]),
    "TokenPolicy": ("One policy of an API token, in Cloudflare's shape.", True, [
        ("id", "string", False, ""), ("effect", "string", True, "allow or deny"),
        ("permission_groups", "list:PermissionGroupRef", True, ""),
        ("resources", "stringmap", True, "e.g. com.cloudflare.api.account.ID to *")]),
    "Token": ("An account API token; {@code value} only in the answer to its creation.", False, [
        ("id", "string", True, ""), ("name", "string", True, ""), ("status", "string", True, ""),
        ("issued_on", "datetime", False, ""), ("modified_on", "datetime", False, ""),
        ("not_before", "datetime", False, ""), ("expires_on", "datetime", False, ""),
        ("policies", "list:TokenPolicy", False, ""), ("value", "string", False, "the secret, shown once")]),
    "TokenVerifyResponse": ("The result of verifying a token.", False, [
        ("id", "string", True, ""), ("status", "string", True, ""), ("expires_on", "datetime", False, ""),
        ("not_before", "datetime", False, "")]),
    "HistoryListResponse": ("One item of the billing history (Cloudflare's {@code HistoryListResponse}): an invoice or a payment; amounts are exact.", False, [
        ("id", "string", True, ""), ("type", "string", False, "invoice or payment"),
        ("action", "string", False, ""), ("status", "string", False, ""), ("amount", "decimal", False, ""),
        ("amount_to_pay", "decimal", False, "what is left to pay (invoices)"), ("currency", "string", False, ""),
        ("description", "string", False, ""), ("invoice_id", "string", False, ""),
        ("external_invoice_id", "string", False, "the invoice's number"),
        ("hosted_invoice_url", "string", False, "the invoice's public page and PDF"),
        ("occurred_at", "datetime", False, ""), ("receipt_id", "string", False, ""), ("source", "string", False, ""),
        ("source_invoice_id", "string", False, "")]),
    "UnpaidInvoiceGetResponse": ("An account's open and past-due invoices (Cloudflare's {@code UnpaidInvoiceGetResponse}).", False, [
        ("invoices", "list:HistoryListResponse", False, "")]),
    "BadDebtGetResponse": ("An account's bad debt: its uncollectible invoices (Cloudflare's {@code BadDebtGetResponse}).", False, [
        ("already_paid", "decimal", False, "paid so far on uncollectible invoices"),
        ("bad_debt_status", "string", False, "none or outstanding"), ("currency", "string", False, ""),
        ("invoices", "list:HistoryListResponse", False, ""),
        ("total_debt_amount", "decimal", False, "what is still owed on them")]),
    "InvoiceLine": ("One line of an invoice: a service's usage, a plan fee or a correction of an earlier period.", False, [
        ("line_no", "int", True, ""), ("kind", "string", True, "usage, subscription or correction"),
        ("description", "string", True, ""), ("metric", "string", False, ""), ("quantity", "decimal", False, ""),
        ("unit", "string", False, ""), ("period_start", "date", True, ""),
        ("period_end", "date", True, "the day after the last day billed"), ("amount", "decimal", True, "")]),
    "InvoicePayment": ("One attempt to collect an invoice: a card charge or a payment the operator recorded.", False, [
        ("id", "string", True, ""), ("gateway", "string", True, ""), ("amount", "decimal", True, ""),
        ("currency", "string", True, ""), ("status", "string", True, "pending, succeeded, declined, ..."),
        ("failure", "string", False, ""), ("reference", "string", False, ""), ("created_at", "datetime", True, ""),
        ("finished_at", "datetime", False, "")]),
    "Invoice": ("An invoice of paygo (or the upcoming one, status upcoming and no number); amounts are exact.", False, [
        ("id", "string", False, "absent on the upcoming invoice"), ("number", "string", False, "e.g. PG-2026-000042"),
        ("account_id", "string", True, ""), ("status", "string", True, "open, paid, past_due, uncollectible, void or upcoming"),
        ("currency", "string", True, ""), ("period_start", "date", True, ""),
        ("period_end", "date", True, "the day after the period's last day"), ("gateway", "string", False, ""),
        ("issued_at", "datetime", False, ""), ("lines", "list:InvoiceLine", False, "absent in lists"),
        ("subtotal", "decimal", True, ""), ("credits_applied", "decimal", True, ""), ("total", "decimal", True, ""),
        ("amount_paid", "decimal", False, ""), ("amount_due", "decimal", False, ""),
        ("payment_attempts", "list:InvoicePayment", False, "with one invoice, not in lists"),
        ("next_payment_attempt_at", "datetime", False, ""), ("settled_at", "datetime", False, ""),
        ("hosted_invoice_url", "string", False, "its public page and PDF, for whoever has the link")]),
    "CreditGetResponse": ("An account's credit as Cloudflare's {@code billing.credits.get} reports it; amounts in minor units.", False, [
        ("confirmed_balance_cents", "long", False, "what is left of the grants in force"),
        ("currency", "string", False, ""), ("days_remaining", "long", False, "whole days until the last grant ends"),
        ("eligible", "bool", False, ""), ("has_record", "bool", False, "whether the account was ever granted credit"),
        ("original_amount_cents", "long", False, "what the grants in force were granted"),
        ("percent_consumed", "decimal", False, ""),
        ("projected_depletion_date", "date", False, "when the credit runs out at the current burn rate"),
        ("valid_from", "datetime", False, ""), ("valid_to", "datetime", False, "")]),
    "CreditGrant": ("A credit grant of paygo: amounts are exact decimal strings in the account's currency.", False, [
        ("id", "string", True, ""), ("account_id", "string", True, ""), ("amount", "decimal", True, ""),
        ("used", "decimal", True, ""), ("remaining", "decimal", True, ""), ("currency", "string", True, ""),
        ("valid_from", "datetime", True, ""), ("valid_to", "datetime", True, ""), ("description", "string", True, ""),
        ("status", "string", True, "scheduled, active, used or expired"), ("created_at", "datetime", True, ""),
        ("expired_early_at", "datetime", False, "")]),
    "RatePlanGetResponse": ("A rate plan (Cloudflare's {@code RatePlanGetResponse}): a product family's priced metrics; the components are in {@code _json()}.", False, [
        ("id", "string", False, "the upper-case public key"), ("public_name", "string", False, ""),
        ("currency", "string", False, "")]),
    "SpendAlert": ("A spend alert of paygo: fires once a period when the period's usage cost reaches its amount.", False, [
        ("id", "string", True, ""), ("account_id", "string", False, ""), ("amount", "decimal", True, ""), ("currency", "string", True, ""),
        ("created_at", "datetime", True, ""), ("period_start", "date", True, "the current billing period's first day"),
        ("period_end", "date", True, "the day after its last day"),
        ("fired_at", "datetime", False, "when it fired in the current period"),
        ("last_fired_at", "datetime", False, "when it last fired in any period")]),
    "WebhookEndpoint": ("A webhook endpoint the operator registered, with the event types it receives.", False, [
        ("id", "string", True, ""), ("url", "string", True, ""), ("description", "string", False, ""),
        ("enabled_events", "stringlist", False, "event types, or {@code *} for all"),
        ("created_at", "datetime", True, ""),
        ("secret", "string", False, "the signing secret ({@code whsec_…}): only in the answer to create")]),
    "WebhookDelivery": ("One event's delivery to one webhook endpoint, and how its attempts went.", False, [
        ("id", "string", True, ""), ("webhook_id", "string", True, ""),
        ("event_id", "string", True, "the {@code webhook-id} header the receiver saw"),
        ("event_type", "string", True, ""), ("account_id", "string", False, ""),
        ("status", "string", True, "pending, delivered, failed or cancelled"), ("attempts", "int", True, ""),
        ("next_attempt_at", "datetime", False, ""), ("last_attempt_at", "datetime", False, ""),
        ("last_status_code", "int", False, "the receiver's last HTTP status"),
        ("last_error", "string", False, "why the last attempt failed"), ("delivered_at", "datetime", False, ""),
        ("created_at", "datetime", True, "")]),
    "CatalogMetric": ("A metric of the price catalog; its price versions are in {@code _json()}.", False, [
        ("id", "string", True, ""), ("family", "string", False, ""), ("category", "string", False, ""),
        ("name", "string", False, ""),
        ("consumed_unit", "string", False, ""), ("pricing_unit", "string", False, ""),
        ("pricing_unit_size", "decimal", False, ""), ("pricing_rounding", "string", False, "")]),
    "CatalogResponse": ("The price catalog in force.", False, [
        ("currency", "string", True, ""), ("provider", "string", False, ""),
        ("metrics", "list:CatalogMetric", False, "")]),
}


def camel(name):
    parts = re.split(r"_", name)
    if len(parts) == 1:
        return name[0].lower() + name[1:]
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def java_type(t):
    if t == "stringlist":
        return "java.util.List<String>"
    if t.startswith("list:"):
        return f"java.util.List<{t[5:]}>"
    if t == "stringmap":
        return "java.util.Map<String, String>"
    return JAVA[t]


def getter(name, t, required, doc):
    j = camel(name)
    d = f"    /** {doc}. */\n" if doc else ""
    if t.startswith("list:"):
        return f'{d}    public {java_type(t)} {j}() {{\n        return list("{name}", {t[5:]}::fromJson);\n    }}\n'
    if t == "stringlist":
        return (f'{d}    public java.util.List<String> {j}() {{\n        java.util.List<String> out = new java.util.ArrayList<>();\n'
                f'        _json().path("{name}").forEach(e -> out.add(e.asText()));\n'
                f'        return java.util.Collections.unmodifiableList(out);\n    }}\n')
    if t == "stringmap":
        return (f'{d}    public java.util.Map<String, String> {j}() {{\n        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();\n'
                f'        _json().path("{name}").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));\n'
                f'        return java.util.Collections.unmodifiableMap(out);\n    }}\n')
    if required:
        return f'{d}    public {java_type(t)} {j}() {{\n        return required("{name}", {READ[t]}("{name}"));\n    }}\n'
    return f'{d}    public java.util.Optional<{java_type(t)}> {j}() {{\n        return {READ[t]}("{name}");\n    }}\n'


def generate(cls, doc, validate, fields):
    known = ", ".join(f'"{f[0]}"' for f in fields)
    getters = "\n".join(getter(*f) for f in fields)
    setters = "\n".join(
        f"        public Builder {camel(f[0])}({java_type(f[1])} value) {{\n            return put(\"{f[0]}\", value);\n        }}\n"
        for f in fields)
    checks = ""
    if validate:
        for name, t, required, _ in fields:
            if required:
                checks += (f'            if (!json.hasNonNull("{name}")) {{\n'
                           f'                throw new IllegalStateException("{cls}: {camel(name)} is required");\n            }}\n')
    return f'''// Generated by tools/gen_client_models.py: edit the generator, not this file.
package dev.paygo.client.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** {doc} */
public final class {cls} extends JsonModel {{
    private static final Set<String> KNOWN = Set.of({known});

    private {cls}(ObjectNode json) {{
        super(json);
    }}

    /** Reads a model from its JSON object; unknown fields are kept. */
    public static {cls} fromJson(ObjectNode json) {{
        return new {cls}(json);
    }}

    public static Builder builder() {{
        return new Builder(new com.fasterxml.jackson.databind.node.ObjectNode(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance));
    }}

    public Builder toBuilder() {{
        return new Builder(_json());
    }}

    @Override
    protected Set<String> knownFields() {{
        return KNOWN;
    }}

{getters}
    /** Builds a {{@link {cls}}}; not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {{
        private Builder(ObjectNode json) {{
            super(json);
        }}

{setters}
        public {cls} build() {{
{checks}            return new {cls}(json);
        }}
    }}
}}
'''


for cls, (doc, validate, fields) in MODELS.items():
    with open(os.path.join(OUT, cls + ".java"), "w") as f:
        f.write(generate(cls, doc, validate, fields))
