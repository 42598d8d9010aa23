package dev.paygo.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.WebhookDelivery;
import dev.paygo.client.models.WebhookEndpoint;
import java.util.List;

/**
 * {@code client.webhooks()}: the operator's webhook endpoints and their delivery log (operator token only). To
 * check a delivery your endpoint received, use {@link Webhooks#verify}. Thread-safe.
 */
public final class WebhooksService extends Resources {
    WebhooksService(ClientCore core) {
        super(core);
    }

    /**
     * Registers an endpoint for the given event types ({@code "*"} for all); the answer carries the signing secret,
     * shown this once.
     */
    public WebhookEndpoint create(String url, List<String> enabledEvents, String description) {
        ObjectNode body = ClientCore.MAPPER.createObjectNode();
        body.put("url", url);
        ArrayNode events = body.putArray("enabled_events");
        enabledEvents.forEach(events::add);
        body.put("description", description);
        return one(ApiRequest.of("POST", "/webhooks").body(ClientCore.json(body), "application/json"),
                WebhookEndpoint::fromJson);
    }

    /** Every endpoint, oldest first (without secrets). */
    public List<WebhookEndpoint> list() {
        return many(ApiRequest.of("GET", "/webhooks"), WebhookEndpoint::fromJson);
    }

    public WebhookEndpoint get(String webhookId) {
        return one(ApiRequest.of("GET", "/webhooks/{}", webhookId), WebhookEndpoint::fromJson);
    }

    /** Deletes an endpoint; its pending deliveries are cancelled. */
    public void delete(String webhookId) {
        core.execute(ApiRequest.of("DELETE", "/webhooks/{}", webhookId));
    }

    /** One page of the endpoint's deliveries, newest first. */
    public Page<WebhookDelivery> deliveries(String webhookId, PageParams params) {
        return page(ApiRequest.of("GET", "/webhooks/{}/deliveries", webhookId), params, WebhookDelivery::fromJson,
                next -> deliveries(webhookId, next));
    }

    /** Sends a delivery again now, with a new retry window. */
    public WebhookDelivery retry(String webhookId, String deliveryId) {
        return one(ApiRequest.of("POST", "/webhooks/{}/deliveries/{}/retry", webhookId, deliveryId),
                WebhookDelivery::fromJson);
    }
}
