package dev.paygo.notify;

import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.paging.PageRequest;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of the operator's webhook API: {@code POST/GET/DELETE /webhooks[/{webhook_id}]},
 * {@code GET /webhooks/{webhook_id}/deliveries} (paged, newest first, {@code ?status=}) and
 * {@code POST /webhooks/{webhook_id}/deliveries/{delivery_id}/retry}.
 */
public final class WebhookController {
    private static final Set<String> FIELDS = Set.of("url", "enabled_events", "description");
    private static final int MAX_EVENTS = 20;

    private final WebhookService webhooks;
    private final JsonBody body;
    private final Responses responses;

    public WebhookController(WebhookService webhooks, JsonBody body, Responses responses) {
        this.webhooks = webhooks;
        this.body = body;
        this.responses = responses;
    }

    public void create(Context ctx) {
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(FIELDS);
        Optional<String> url = fields.requiredString("url", ReceiverAddresses.MAX_URL_LENGTH);
        List<String> events = fields.strings("enabled_events", 1, MAX_EVENTS, 100);
        String description = fields.string("description", 1000).orElse("");
        fields.problems().throwIfAny();
        responses.created(ctx, view(webhooks.register(url.orElseThrow(), description, events)));
    }

    public void list(Context ctx) {
        responses.ok(ctx, webhooks.list().stream().map(WebhookController::view).toList());
    }

    public void get(Context ctx) {
        responses.ok(ctx, view(webhooks.get(ctx.pathParam("webhook_id"))));
    }

    public void delete(Context ctx) {
        String id = ctx.pathParam("webhook_id");
        webhooks.delete(id);
        responses.ok(ctx, Map.of("id", id));
    }

    public void deliveries(Context ctx) {
        Page<Delivery> page = webhooks.deliveries(ctx.pathParam("webhook_id"),
                Optional.ofNullable(ctx.queryParam("status")), PageRequest.from(ctx, 20));
        responses.page(ctx, new Page<>(page.items().stream().map(WebhookController::view).toList(), page.info()));
    }

    public void retry(Context ctx) {
        responses.ok(ctx, view(webhooks.retry(ctx.pathParam("webhook_id"), ctx.pathParam("delivery_id"))));
    }

    private static EndpointView view(WebhookEndpoint e) {
        return new EndpointView(e.id(), e.url(), e.description(), e.enabledEvents(), e.createdAt(),
                e.secret().orElse(null));
    }

    private static DeliveryView view(Delivery d) {
        return new DeliveryView(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.accountId(), d.status(),
                d.attempts(), d.nextAttemptAt().orElse(null), d.lastAttemptAt().orElse(null),
                d.lastStatusCode().orElse(null), d.lastError().orElse(null), d.deliveredAt().orElse(null),
                d.createdAt());
    }

    /** An endpoint on the wire; {@code secret} only in the answer to its registration. */
    record EndpointView(String id, String url, String description, List<String> enabledEvents, Instant createdAt,
                        String secret) {
    }

    /** A delivery on the wire; {@code event_id} is the {@code webhook-id} header the receiver saw. */
    record DeliveryView(String id, String webhookId, String eventId, String eventType, String accountId,
                        String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                        Integer lastStatusCode, String lastError, Instant deliveredAt, Instant createdAt) {
    }
}
