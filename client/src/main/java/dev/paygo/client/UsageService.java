package dev.paygo.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.UsageEvent;
import dev.paygo.client.models.UsageIngestParams;
import dev.paygo.client.models.UsageIngestResponse;
import dev.paygo.client.models.UsagePaygoInfoResponse;
import dev.paygo.client.models.UsagePaygoParams;
import dev.paygo.client.models.UsagePaygoResponseItem;
import dev.paygo.client.models.BillableUsageParams;
import dev.paygo.client.models.FocusRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Usage: the records ({@code billing/usage/paygo}), the usage info, and ingestion. Thread-safe. */
public final class UsageService extends Resources {
    UsageService(ClientCore core) {
        super(core);
    }

    /** Daily usage records (Billing Read): {@code GET /accounts/{id}/billing/usage/paygo}. */
    public List<UsagePaygoResponseItem> paygo(UsagePaygoParams params) {
        return many(ApiRequest.of("GET", "/accounts/{}/billing/usage/paygo", params.accountId()).query(params.query()),
                UsagePaygoResponseItem::fromJson);
    }

    /**
     * The same records with the FOCUS fields Cloudflare's SDK 7.x types ({@code ServiceFamilyName},
     * {@code BilledCost}, {@code PricingUnit}, …): {@code GET /accounts/{id}/billable-usage}, which Cloudflare's
     * SDK 7.x calls for {@code paygo} and {@code getAccountUsageV1}.
     */
    public List<UsagePaygoResponseItem> billable(UsagePaygoParams params) {
        return many(ApiRequest.of("GET", "/accounts/{}/billable-usage", params.accountId()).query(params.query()),
                UsagePaygoResponseItem::fromJson);
    }

    /**
     * FOCUS 1.3 records with their costs filled (Billing Read): {@code GET /accounts/{id}/billable/usage},
     * Cloudflare's {@code getAccountUsageV2}. Grouped by zone or tag when the params say so.
     */
    public List<FocusRecord> v2(BillableUsageParams params) {
        return many(focus(params, ""), FocusRecord::fromJson);
    }

    /**
     * Writes the FOCUS records of the params' range (at most 366 days) to {@code file} as CSV or Parquet,
     * streamed: {@code GET /accounts/{id}/billable/usage/export}. Returns the file.
     */
    public Path export(BillableUsageParams params, ExportFormat format, Path file) {
        return core.download(focus(params, "/export").query(Map.of("format", format.wire())), file);
    }

    static ApiRequest focus(BillableUsageParams params, String suffix) {
        ApiRequest request = params.accountId()
                .map(a -> ApiRequest.of("GET", "/accounts/{}/billable/usage" + suffix, a))
                .orElseGet(() -> ApiRequest.of("GET", "/organizations/{}/billable/usage" + suffix,
                        params.organizationId().orElseThrow()));
        return request.query(params.query()).queryAll("group_by", params.groupBy());
    }

    /** The file formats of a FOCUS export. */
    public enum ExportFormat {
        CSV, PARQUET;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the account is covered, and its subscriptions: {@code GET /accounts/{id}/billable-usage/info}. */
    public UsagePaygoInfoResponse paygoInfo(AccountParams params) {
        return one(ApiRequest.of("GET", "/accounts/{}/billable-usage/info", params.accountId()),
                UsagePaygoInfoResponse::fromJson);
    }

    /**
     * Sends usage events (Usage Write; paygo's API). All are stored or none; events stored before (same
     * account and id) count as duplicates, so a retried batch is never counted twice.
     */
    public UsageIngestResponse ingest(UsageIngestParams params) {
        ApiRequest request = params.accountId()
                .map(a -> ApiRequest.of("POST", "/accounts/{}/usage/events", a))
                .orElseGet(() -> ApiRequest.of("POST", "/usage/events"));
        ArrayNode body = ClientCore.MAPPER.createArrayNode();
        String type;
        if (params.format() == UsageIngestParams.Format.CLOUDEVENTS) {
            type = "application/cloudevents-batch+json";
            params.events().forEach(e -> body.add(cloudEvent(e, params)));
        } else {
            type = "application/json";
            params.events().forEach(e -> body.add(e._json()));
        }
        return one(request.body(ClientCore.json(body), type), UsageIngestResponse::fromJson);
    }

    private static ObjectNode cloudEvent(UsageEvent event, UsageIngestParams params) {
        ObjectNode ce = ClientCore.MAPPER.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        ce.put("source", params.source());
        ce.put("type", "dev.paygo.usage");
        event.accountId().or(params::accountId).ifPresent(a -> ce.put("subject", a));
        ce.put("time", ClientCore.rfc3339(event.timestamp()));
        ce.put("datacontenttype", "application/json");
        ObjectNode data = ce.putObject("data");
        data.put("metric", event.metric());
        data.put("quantity", event.quantity());
        event.zoneId().ifPresent(z -> data.put("zone_id", z));
        return ce;
    }
}
