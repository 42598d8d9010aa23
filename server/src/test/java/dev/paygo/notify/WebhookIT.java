package dev.paygo.notify;

import static dev.paygo.testing.BillingFixture.DECLINED_CARD;
import static dev.paygo.testing.BillingFixture.GOOD_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.invoice.BillingSettings;
import dev.paygo.payment.DunningSchedule;
import dev.paygo.testing.BillingFixture;
import dev.paygo.testing.BillingFixture.Customer;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.StandardWebhooks;
import dev.paygo.testing.TestServer;
import dev.paygo.testing.WebhookReceiver;
import dev.paygo.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end on loopback: each event type reaches the endpoints that receive it, signed as Standard
 * Webhooks says (checked by a verifier written from the specification, not paygo's signer), with the object as the
 * API shows it; receivers that fail or time out get the delivery again with backoff; a slow receiver does not hold
 * up another; failed deliveries can be sent again by hand. Runs on SQLite and on PostgreSQL.
 */
class WebhookIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestServer server;
    private static BillingFixture billing;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK)
                .withBilling(BillingSettings.DEFAULT.withIntervalSeconds(0).withDunning(DunningSchedule.parse("PT0S")))
                .withWebhooks(WebhookSettings.DEFAULT.withAllowPrivate(true).withTimeout(Duration.ofSeconds(1))
                        .withFirstRetry(Duration.ofSeconds(1)).withRetryFor(Duration.ofHours(6))));
        billing = new BillingFixture(server, CLOCK);
        receiver = WebhookReceiver.start(CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
    }

    private record Endpoint(String id, String secret, String path) {
    }

    private static Endpoint register(String path, String events) {
        Reply reply = server.asOperator("POST", "/webhooks").json("{\"url\": \"" + receiver.url(path)
                + "\", \"enabled_events\": " + events + ", \"description\": \"test " + path + "\"}").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.result().get("secret").asText()).startsWith("whsec_");
        return new Endpoint(reply.result().get("id").asText(), reply.result().get("secret").asText(), path);
    }

    /** The events {@code path} received about the account, each checked genuine. */
    private static List<Received> genuine(Endpoint endpoint, String accountId) {
        List<Received> about = receiver.at(endpoint.path()).stream()
                .filter(r -> r.json().get("data").get("account_id").asText().equals(accountId)).toList();
        for (Received r : about) {
            assertThat(StandardWebhooks.problem(endpoint.secret(), r.headers(), r.body(), r.receivedAt()))
                    .as("signature of %s", r).isEmpty();
            assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        }
        return about;
    }

    private static List<Received> awaitEvents(Endpoint endpoint, String accountId, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (genuine(endpoint, accountId).size() < count) {
            assertThat(System.nanoTime()).as("%d events for %s at %s; got %s", count, accountId, endpoint.path(),
                    genuine(endpoint, accountId)).isLessThan(deadline);
            sleep(20);
        }
        return genuine(endpoint, accountId);
    }

    private static List<String> types(List<Received> events) {
        return events.stream().map(Received::type).sorted().toList();
    }

    private static JsonNode deliveries(Endpoint endpoint) {
        Reply reply = server.asOperator("GET", "/webhooks/" + endpoint.id() + "/deliveries").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.result();
    }

    private static JsonNode awaitDelivery(Endpoint endpoint, String eventId, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (JsonNode d : deliveries(endpoint)) {
                if (d.get("event_id").asText().equals(eventId) && d.get("status").asText().equals(status)) {
                    return d;
                }
            }
            assertThat(System.nanoTime()).as("delivery of %s %s: %s", eventId, status, deliveries(endpoint))
                    .isLessThan(deadline);
            sleep(20);
        }
    }

    /** The delivery once {@code attempts} attempts of it are recorded. */
    private static JsonNode awaitAttempts(Endpoint endpoint, String eventId, int attempts) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (JsonNode d : deliveries(endpoint)) {
                if (d.get("event_id").asText().equals(eventId) && d.get("attempts").asInt() >= attempts) {
                    return d;
                }
            }
            assertThat(System.nanoTime()).as("%d attempts of %s: %s", attempts, eventId, deliveries(endpoint))
                    .isLessThan(deadline);
            sleep(20);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A customer in November with a spend alert of $1.00 that November's usage passes. */
    private static String alertReached(String name) {
        Customer customer = billing.customer(name);
        CLOCK.set(Instant.parse("2026-11-10T12:00:00Z"));
        Reply alert = customer.write("POST", "/billing/alerts", "{\"amount\": \"1.00\"}");
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        customer.send("workers.requests", "20000000", "2026-11-09T10:00:00Z");  // $3.00 beyond the 10M included
        return customer.id();
    }

    @Test
    void invoiceEventsArriveSignedWithTheInvoiceAsTheApiShowsIt() {
        Endpoint endpoint = register("/invoices", "[\"invoice.finalized\", \"invoice.paid\"]");
        Customer customer = billing.customer("webhook card");
        billing.card(customer, GOOD_CARD);
        billing.octoberUsage(customer);
        billing.closeOctober();
        billing.run();

        List<Received> events = awaitEvents(endpoint, customer.id(), 2);
        assertThat(types(events)).containsExactly("invoice.finalized", "invoice.paid");
        assertThat(events.stream().map(Received::id).distinct()).hasSize(2).allMatch(id -> id.startsWith("msg_"));
        String invoiceId = customer.invoices().get(0).get("id").asText();
        JsonNode shown = customer.invoice(invoiceId);
        Received paid = events.stream().filter(e -> e.type().equals("invoice.paid")).findFirst().orElseThrow();
        assertThat(paid.json().get("data")).isEqualTo(shown);
        assertThat(Instant.parse(paid.json().get("timestamp").asText())).isEqualTo(CLOCK.instant());
        Received finalized = events.stream().filter(e -> e.type().equals("invoice.finalized")).findFirst()
                .orElseThrow();
        assertThat(finalized.json().get("data").get("number")).isEqualTo(shown.get("number"));
        assertThat(finalized.json().get("data").get("status").asText()).isEqualTo("open");
        assertThat(finalized.json().get("data").get("total")).isEqualTo(shown.get("total"));
        // The receiver has each event before the sender records its answer: wait for the record, then check it.
        for (Received event : events) {
            JsonNode delivery = awaitDelivery(endpoint, event.id(), "delivered");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("last_status_code").asInt()).isEqualTo(204);
        }
        assertThat(deliveries(endpoint)).hasSize(2);
    }

    @Test
    void declinedPaymentsTellOfEachFailureAndThenOfTheUncollectibleInvoice() {
        Endpoint endpoint = register("/dunning", "[\"invoice.payment_failed\", \"invoice.uncollectible\"]");
        Customer customer = billing.customer("webhook declined");
        billing.card(customer, DECLINED_CARD);
        billing.octoberUsage(customer);
        billing.closeOctober();
        billing.run();
        assertThat(types(awaitEvents(endpoint, customer.id(), 1))).containsExactly("invoice.payment_failed");
        billing.run();  // the one retry the schedule allows fails too

        List<Received> events = awaitEvents(endpoint, customer.id(), 3);
        assertThat(types(events)).containsExactly("invoice.payment_failed", "invoice.payment_failed",
                "invoice.uncollectible");
        JsonNode last = events.stream().filter(e -> e.type().equals("invoice.uncollectible")).findFirst()
                .orElseThrow().json().get("data");
        assertThat(last.get("status").asText()).isEqualTo("uncollectible");
        assertThat(last.get("payment_attempts")).hasSize(2);
    }

    @Test
    void recordingTheLastPaymentAndVoidingTellOfPaidAndVoided() {
        Endpoint endpoint = register("/manual", "[\"invoice.paid\", \"invoice.voided\"]");
        Customer paying = billing.customer("webhook transfer");
        billing.octoberUsage(paying);
        Customer voided = billing.customer("webhook void");
        billing.octoberUsage(voided);
        billing.closeOctober();
        billing.run();
        JsonNode invoice = paying.invoices().get(0);
        String half = new java.math.BigDecimal(invoice.get("total").asText()).divide(java.math.BigDecimal.valueOf(2))
                .setScale(2, java.math.RoundingMode.DOWN).toPlainString();
        String rest = new java.math.BigDecimal(invoice.get("total").asText()).subtract(new java.math.BigDecimal(half))
                .toPlainString();
        for (String amount : List.of(half, rest)) {
            Reply paid = server.asOperator("POST", "/accounts/" + paying.id() + "/invoices/" + invoice.get("id").asText()
                    + "/payments").json("{\"amount\": \"" + amount + "\", \"reference\": \"bank " + amount + "\"}").send();
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        }
        Reply voiding = server.asOperator("POST", "/accounts/" + voided.id() + "/invoices/"
                + voided.invoices().get(0).get("id").asText() + "/void").send();
        assertThat(voiding.status()).as(voiding.toString()).isEqualTo(200);

        List<Received> paidEvents = awaitEvents(endpoint, paying.id(), 1);
        assertThat(types(paidEvents)).containsExactly("invoice.paid");  // once: the partial payment told nothing
        assertThat(paidEvents.get(0).json().get("data").get("amount_due").asText()).isEqualTo("0.00");
        List<Received> voidEvents = awaitEvents(endpoint, voided.id(), 1);
        assertThat(types(voidEvents)).containsExactly("invoice.voided");
        assertThat(voidEvents.get(0).json().get("data")).isEqualTo(voided.invoice(
                voided.invoices().get(0).get("id").asText()));
    }

    @Test
    void creditTellsWhenAGrantRunsLowAndWhenOneEndsWithCreditLeft() {
        Endpoint endpoint = register("/credits", "[\"credit.low\", \"credit.expired\"]");
        Customer customer = billing.customer("webhook credit");
        billing.card(customer, GOOD_CARD);
        billing.octoberUsage(customer);
        String small = grant(customer, "1.00", null, "2026-11-05T00:00:00Z", "used up first");
        grant(customer, "100.00", null, "2027-06-01T00:00:00Z", "pays the rest");
        String later = grant(customer, "3.00", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z", "never used");
        String expiredByHand = grant(customer, "10.00", null, "2027-06-01T00:00:00Z", "ended by the operator");
        Reply expire = server.asOperator("POST", "/accounts/" + customer.id() + "/credits/" + expiredByHand
                + "/expire").send();
        assertThat(expire.status()).as(expire.toString()).isEqualTo(200);
        List<Received> first = awaitEvents(endpoint, customer.id(), 1);
        assertThat(types(first)).containsExactly("credit.expired");
        assertThat(first.get(0).json().get("data").get("id").asText()).isEqualTo(expiredByHand);

        billing.closeOctober();
        billing.run();
        List<Received> low = awaitEvents(endpoint, customer.id(), 2);
        assertThat(low.get(1).type()).isEqualTo("credit.low");
        assertThat(low.get(1).json().get("data").get("id").asText()).isEqualTo(small);
        assertThat(low.get(1).json().get("data").get("remaining").asText()).isEqualTo("0.00");
        // Moving the clock three days while that delivery is still being recorded would let the dispatcher take it
        // for lost and send it again (at-least-once, same message id): let it settle first.
        awaitDelivery(endpoint, low.get(1).id(), "delivered");

        CLOCK.set(Instant.parse("2026-11-04T00:00:00Z"));
        billing.run();
        billing.run();  // told once, however many runs see it
        List<Received> all = awaitEvents(endpoint, customer.id(), 3);
        assertThat(all.get(2).type()).as("%s", all.stream().map(r -> r.id() + " " + r.type() + " " + r.receivedAt())
                .toList()).isEqualTo("credit.expired");
        assertThat(all.get(2).json().get("data").get("id").asText()).isEqualTo(later);
        assertThat(all.get(2).json().get("data").get("remaining").asText()).isEqualTo("3.00");
        sleep(500);
        assertThat(genuine(endpoint, customer.id())).hasSize(3);
    }

    @Test
    void creditTellsWhenTheBurnRateUsesAGrantUpWithinAWeek() {
        Endpoint endpoint = register("/burn", "[\"credit.low\"]");
        Customer customer = billing.customer("webhook burn");
        CLOCK.set(Instant.parse("2026-11-02T12:00:00Z"));
        String grant = grant(customer, "10.00", null, "2027-06-01T00:00:00Z", "burning");
        // 60M Workers requests on Nov 2: $15.00 beyond the 10M included, over 4 days by Nov 4: $3.75 a day, so
        // $10.00 lasts to day ceil(10 × 4 / 15) = 3 of the period: it runs out within a week.
        customer.send("workers.requests", "60000000", "2026-11-02T10:00:00Z");
        CLOCK.set(Instant.parse("2026-11-04T12:00:00Z"));
        billing.run();
        List<Received> events = awaitEvents(endpoint, customer.id(), 1);
        assertThat(events.get(0).type()).isEqualTo("credit.low");
        assertThat(events.get(0).json().get("data").get("id").asText()).isEqualTo(grant);
        assertThat(events.get(0).json().get("data").get("remaining").asText()).isEqualTo("10.00");
    }

    private static String grant(Customer customer, String amount, String from, String to, String description) {
        Reply reply = server.asOperator("POST", "/accounts/" + customer.id() + "/credits").json("{\"amount\": \""
                + amount + "\", " + (from == null ? "" : "\"valid_from\": \"" + from + "\", ") + "\"valid_to\": \"" + to
                + "\", \"description\": \"" + description + "\"}").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.result().get("id").asText();
    }

    @Test
    void aSpendAlertTellsOnceWithTheAlert() {
        Endpoint endpoint = register("/spend", "[\"spend.threshold_reached\"]");
        String account = alertReached("webhook spend");
        List<Received> events = awaitEvents(endpoint, account, 1);
        JsonNode data = events.get(0).json().get("data");
        assertThat(data.get("amount").asText()).isEqualTo("1.00");
        assertThat(data.get("fired_at").asText()).isEqualTo(CLOCK.instant().toString());
        server.server().alerts().evaluateAll();
        sleep(300);
        assertThat(genuine(endpoint, account)).hasSize(1);
    }

    @Test
    void aReceiverAnswering500GetsTheSameMessageAgainWithBackoffUntilItTakesIt() {
        Endpoint endpoint = register("/flaky", "[\"spend.threshold_reached\"]");
        receiver.on("/flaky", nth -> nth <= 2 ? 500 : 200);
        String account = alertReached("webhook flaky");
        Received first = awaitEvents(endpoint, account, 1).get(0);
        JsonNode failed = awaitAttempts(endpoint, first.id(), 1);
        assertThat(failed.get("status").asText()).isEqualTo("pending");
        assertThat(failed.get("last_status_code").asInt()).isEqualTo(500);
        Instant next = Instant.parse(failed.get("next_attempt_at").asText());
        assertThat(next).isAfter(CLOCK.instant()).isBeforeOrEqualTo(CLOCK.instant().plusSeconds(1));
        CLOCK.advance(Duration.ofMinutes(1));
        awaitAttempts(endpoint, first.id(), 2);
        CLOCK.advance(Duration.ofMinutes(1));
        List<Received> all = awaitEvents(endpoint, account, 3);
        assertThat(all).extracting(Received::id).containsOnly(first.id());
        assertThat(all).extracting(Received::body).containsOnly(first.body());
        JsonNode delivered = awaitDelivery(endpoint, first.id(), "delivered");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.get("last_status_code").asInt()).isEqualTo(200);

        String metrics = new dev.paygo.testing.Http(server.baseUrl().replace("/client/v4", "")).get("/metrics").raw()
                .body();
        assertThat(metric(metrics, "paygo_webhook_deliveries_total{outcome=\"retrying\"}")).isGreaterThanOrEqualTo(2);
        assertThat(metric(metrics, "paygo_webhook_deliveries_total{outcome=\"delivered\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "paygo_webhook_events_total")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("paygo_webhook_outbox_depth");
    }

    private static double metric(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).map(l -> Double.parseDouble(l.substring(
                name.length() + 1))).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + metrics));
    }

    @Test
    void aReceiverThatTimesOutIsTriedAgain() {
        Endpoint endpoint = register("/slow", "[\"spend.threshold_reached\"]");
        receiver.on("/slow", nth -> {
            if (nth == 1) {
                Thread.sleep(2500);  // the timeout is 1 s
            }
            return 204;
        });
        String account = alertReached("webhook slow");
        Received first = awaitEvents(endpoint, account, 1).get(0);
        JsonNode timedOut = awaitAttempts(endpoint, first.id(), 1);
        assertThat(timedOut.get("status").asText()).isEqualTo("pending");
        assertThat(timedOut.get("last_error").asText()).contains("no answer within 1000 ms");
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(awaitDelivery(endpoint, first.id(), "delivered").get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aStuckReceiverDoesNotHoldUpAnother() {
        Endpoint stuck = register("/stuck", "[\"spend.threshold_reached\"]");
        Endpoint fast = register("/fast", "[\"spend.threshold_reached\"]");
        receiver.on("/stuck", nth -> {
            Thread.sleep(3000);
            return 500;
        });
        Customer customer = billing.customer("webhook many alerts");
        CLOCK.set(Instant.parse("2026-11-10T12:00:00Z"));
        for (int i = 1; i <= 8; i++) {
            assertThat(customer.write("POST", "/billing/alerts", "{\"amount\": \"" + i + ".00\"}").status())
                    .isEqualTo(201);
        }
        customer.send("workers.requests", "50000000", "2026-11-09T10:00:00Z");  // $12.00: passes all eight

        List<Received> arrived = awaitEvents(fast, customer.id(), 8);
        assertThat(arrived).hasSize(8);
        // The stuck receiver holds at most four deliveries at once, each for the 1 s timeout.
        assertThat(receiver.at("/stuck").size()).isLessThan(8);
        assertThat(server.asOperator("DELETE", "/webhooks/" + stuck.id()).send().status()).isEqualTo(200);
        assertThat(server.asOperator("GET", "/webhooks/" + stuck.id() + "/deliveries").send().status())
                .isEqualTo(404);
    }

    @Test
    void aDeliveryFailsWhenItsRetryWindowEndsAndCanBeSentAgainByHand() {
        Endpoint endpoint = register("/down", "[\"spend.threshold_reached\"]");
        receiver.on("/down", nth -> 503);
        String account = alertReached("webhook down");
        Received first = awaitEvents(endpoint, account, 1).get(0);
        JsonNode failed = awaitAttempts(endpoint, first.id(), 1);
        for (int attempts = 2; failed.get("status").asText().equals("pending") && attempts < 10; attempts++) {
            CLOCK.advance(Duration.ofHours(2));  // past the next attempt; the retry window is 6 hours
            failed = awaitAttempts(endpoint, first.id(), attempts);
        }
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);  // at 0, 2, 4 and 6 hours
        assertThat(failed.has("next_attempt_at")).isFalse();
        assertThat(failed.get("last_status_code").asInt()).isEqualTo(503);

        receiver.on("/down", nth -> 200);
        Reply retry = server.asOperator("POST", "/webhooks/" + endpoint.id() + "/deliveries/"
                + failed.get("id").asText() + "/retry").send();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.result().get("status").asText()).isIn("pending", "delivered");
        JsonNode delivered = awaitDelivery(endpoint, first.id(), "delivered");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(failed.get("attempts").asInt() + 1);

        Reply unknown = server.asOperator("POST", "/webhooks/" + endpoint.id() + "/deliveries/nope/retry").send();
        assertThat(unknown.status()).isEqualTo(404);
        Reply badStatus = server.asOperator("GET", "/webhooks/" + endpoint.id() + "/deliveries?status=lost").send();
        assertThat(badStatus.status()).isEqualTo(400);
    }

    @Test
    void aDeletedEndpointIsGoneAndGetsNothingMore() {
        Endpoint endpoint = register("/deleted", "[\"*\"]");
        assertThat(server.asOperator("GET", "/webhooks/" + endpoint.id()).send().result().get("enabled_events"))
                .hasSize(1);
        assertThat(server.asOperator("GET", "/webhooks/" + endpoint.id()).send().result().has("secret")).isFalse();
        assertThat(server.asOperator("DELETE", "/webhooks/" + endpoint.id()).send().status()).isEqualTo(200);
        assertThat(server.asOperator("GET", "/webhooks/" + endpoint.id()).send().status()).isEqualTo(404);
        assertThat(server.asOperator("DELETE", "/webhooks/" + endpoint.id()).send().status()).isEqualTo(404);
        Set<String> listed = ids(server.asOperator("GET", "/webhooks").send().result());
        assertThat(listed).doesNotContain(endpoint.id());
        alertReached("webhook after delete");
        sleep(500);
        assertThat(receiver.at("/deleted")).isEmpty();
    }

    @Test
    void badRegistrationsGetA400AndStoreNothing() {
        Set<String> before = ids(server.asOperator("GET", "/webhooks").send().result());
        String url = receiver.url("/never");
        List<String> bodies = List.of(
                "{\"url\": \"" + url + "\", \"enabled_events\": [\"invoice.exploded\"]}",
                "{\"url\": \"" + url + "\", \"enabled_events\": []}",
                "{\"url\": \"" + url + "\"}",
                "{\"url\": \"" + url + "\", \"enabled_events\": [42]}",
                "{\"url\": \"ftp://127.0.0.1/x\", \"enabled_events\": [\"*\"]}",
                "{\"url\": \"not a url\", \"enabled_events\": [\"*\"]}",
                "{\"url\": \"http://user:pw@127.0.0.1/x\", \"enabled_events\": [\"*\"]}",
                "{\"enabled_events\": [\"*\"]}",
                "{\"url\": \"" + url + "\", \"enabled_events\": [\"*\"], \"secret\": \"mine\"}");
        for (String body : bodies) {
            Reply reply = server.asOperator("POST", "/webhooks").json(body).send();
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(400);
            assertThat(reply.json().get("success").asBoolean()).isFalse();
        }
        Reply unknown = server.asOperator("POST", "/webhooks").json("{\"url\": \"" + url
                + "\", \"enabled_events\": [\"invoice.paid\", \"invoice.exploded\"]}").send();
        assertThat(unknown.json().get("errors").get(0).get("source").get("pointer").asText())
                .isEqualTo("/enabled_events/1");
        assertThat(unknown.json().get("errors").get(0).get("message").asText()).contains("invoice.exploded");
        Customer customer = billing.customer("webhook not operator");
        Reply asAccount = server.http().call("POST", "/webhooks").bearer(customer.writer())
                .json("{\"url\": \"" + url + "\", \"enabled_events\": [\"*\"]}").send();
        assertThat(asAccount.status()).isEqualTo(403);
        assertThat(ids(server.asOperator("GET", "/webhooks").send().result())).isEqualTo(before);
    }

    private static Set<String> ids(JsonNode endpoints) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        endpoints.forEach(e -> ids.add(e.get("id").asText()));
        return ids.stream().collect(Collectors.toSet());
    }
}
