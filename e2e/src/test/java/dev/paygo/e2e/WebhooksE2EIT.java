package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.client.PaygoClient;
import dev.paygo.client.Webhooks;
import dev.paygo.client.errors.NotFoundException;
import dev.paygo.client.errors.WebhookVerificationException;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.UsageEvent;
import dev.paygo.client.models.UsageIngestParams;
import dev.paygo.client.models.WebhookDelivery;
import dev.paygo.client.models.WebhookEndpoint;
import dev.paygo.notify.WebhookSettings;
import dev.paygo.testing.TestServer;
import dev.paygo.testing.WebhookReceiver;
import dev.paygo.testing.WebhookReceiver.Received;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as an operator and a receiver see them: endpoints managed with paygo's Java SDK, events received on
 * loopback and accepted by the Standard Webhooks reference library (npm {@code standardwebhooks}, run with node)
 * and by the SDK's {@link Webhooks#verify}; a changed body is refused by both. The server runs on the real clock,
 * as the reference library checks timestamps against it.
 */
class WebhooksE2EIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TestServer server;
    private static WebhookReceiver receiver;
    private static PaygoClient operator;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withWebhooks(WebhookSettings.DEFAULT.withAllowPrivate(true)));
        receiver = WebhookReceiver.start(Clock.systemUTC());
        operator = PaygoClient.builder().baseUrl(server.checkedBaseUrl()).apiToken(TestServer.OPERATOR_TOKEN).build();
    }

    @AfterAll
    static void stop() {
        operator.close();
        receiver.close();
        server.close();
    }

    @Test
    void eventsAreAcceptedByTheReferenceVerifierAndTheSdk() {
        WebhookEndpoint endpoint = operator.webhooks().create(receiver.url("/e2e"), List.of("*"), "e2e receiver");
        String secret = endpoint.secret().orElseThrow();
        assertThat(operator.webhooks().list()).extracting(WebhookEndpoint::id).contains(endpoint.id());
        assertThat(operator.webhooks().get(endpoint.id()).secret()).isEmpty();
        assertThat(operator.webhooks().get(endpoint.id()).enabledEvents()).containsExactly("*");

        // A period that began three days ago, so usage from minutes ago lies in it whatever the time of day.
        String account = server.createAccount("Webhooks e2e", java.time.LocalDate.now(ZoneOffset.UTC).minusDays(3)
                + "T00:00:00Z");
        try (PaygoClient writer = client(account, PermissionGroup.BILLING_WRITE);
             PaygoClient usage = client(account, PermissionGroup.USAGE_WRITE)) {
            writer.billing().alerts().create(AccountParams.of(account), new BigDecimal("1.00"));
            usage.billing().usage().ingest(UsageIngestParams.builder().accountId(account).events(List.of(
                    UsageEvent.builder().id("e2e").metric("workers.requests").quantity(new BigDecimal("20000000"))
                            .timestamp(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)).build())).build());
        }
        Received received = receiver.await("/e2e", 1, Duration.ofSeconds(30)).get(0);

        JsonNode reference = referenceVerify(secret, received.headers(), received.body());
        assertThat(reference.get("ok").asBoolean()).as(reference.toString()).isTrue();
        assertThat(reference.get("payload").get("type").asText()).isEqualTo("spend.threshold_reached");
        assertThat(reference.get("payload").get("data").get("account_id").asText()).isEqualTo(account);
        ObjectNode event = Webhooks.verify(secret, received.headers(), received.body());
        assertThat(event.get("data").get("amount").asText()).isEqualTo("1.00");

        String changed = received.body().replace("1.00", "9.00");
        JsonNode refused = referenceVerify(secret, received.headers(), changed);
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThatThrownBy(() -> Webhooks.verify(secret, received.headers(), changed))
                .isInstanceOf(WebhookVerificationException.class);
        String otherSecret = operator.webhooks().create(receiver.url("/other"), List.of("credit.low"), "")
                .secret().orElseThrow();
        assertThat(referenceVerify(otherSecret, received.headers(), received.body()).get("ok").asBoolean()).isFalse();

        List<WebhookDelivery> deliveries = awaitDelivered(endpoint.id());
        assertThat(deliveries.get(0).eventId()).isEqualTo(received.id());
        assertThat(deliveries.get(0).eventType()).isEqualTo("spend.threshold_reached");
        WebhookDelivery again = operator.webhooks().retry(endpoint.id(), deliveries.get(0).id());
        assertThat(again.status()).isIn("pending", "delivered");
        List<Received> both = receiver.await("/e2e", 2, Duration.ofSeconds(30));
        assertThat(both.get(1).id()).as("the same message, sent again").isEqualTo(received.id());
        assertThat(referenceVerify(secret, both.get(1).headers(), both.get(1).body()).get("ok").asBoolean()).isTrue();

        operator.webhooks().delete(endpoint.id());
        assertThatThrownBy(() -> operator.webhooks().get(endpoint.id())).isInstanceOf(NotFoundException.class);
    }

    private static List<WebhookDelivery> awaitDelivered(String endpointId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<WebhookDelivery> items = operator.webhooks().deliveries(endpointId, PageParams.first(10)).items();
            if (!items.isEmpty() && items.get(0).status().equals("delivered")) {
                return items;
            }
            assertThat(System.nanoTime()).as("delivered: %s", items).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static PaygoClient client(String account, PermissionGroup group) {
        return PaygoClient.builder().baseUrl(server.checkedBaseUrl()).apiToken(server.createToken(account, group)).build();
    }

    /** What the Standard Webhooks reference library (npm) says of one delivery. */
    private static JsonNode referenceVerify(String secret, Map<String, String> headers, String body) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("secret", secret);
        request.set("headers", MAPPER.valueToTree(new HashMap<>(headers)));
        request.put("body", body);
        return NodeScript.run("verify-webhook.mjs", request.toString());
    }
}
