package dev.paygo.testing;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customers of a billing test: accounts with October 2026 as a billing period, their tokens and usage, and the
 * operator's billing runs, on a server whose clock the test moves.
 */
public final class BillingFixture {
    public static final String DECLINED_CARD = "4000 0000 0000 0002";
    public static final String GOOD_CARD = "4242 4242 4242 4242";

    private final TestServer server;
    private final MutableClock clock;
    private final AtomicInteger eventIds = new AtomicInteger();

    public BillingFixture(TestServer server, MutableClock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** An account with October 2026 as a billing period (anchor on the 1st), and its tokens. */
    public record Customer(BillingFixture fixture, String id, String reader, String writer, String usage) {
        public Reply get(String path) {
            return fixture.server.http().call("GET", "/accounts/" + id + path).bearer(reader).send();
        }

        public Reply write(String method, String path, String json) {
            return fixture.server.http().call(method, "/accounts/" + id + path).bearer(writer).json(json).send();
        }

        public void send(String metric, String quantity, String timestamp) {
            String event = "{\"id\": \"e" + fixture.eventIds.incrementAndGet() + "\", \"metric\": \"" + metric
                    + "\", \"quantity\": \"" + quantity + "\", \"timestamp\": \"" + timestamp + "\"}";
            Reply sent = fixture.server.http().call("POST", "/accounts/" + id + "/usage/events").bearer(usage)
                    .headers("Content-Type", "application/x-ndjson").body(event.getBytes(StandardCharsets.UTF_8))
                    .send();
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }

        /** Sends one event with a zone (or null) and tags (a JSON object, or null); its id is unique. */
        public void send(String metric, String quantity, String timestamp, String zoneId, String tagsJson) {
            String event = "{\"id\": \"e" + fixture.eventIds.incrementAndGet() + "\", \"metric\": \"" + metric
                    + "\", \"quantity\": \"" + quantity + "\", \"timestamp\": \"" + timestamp + "\""
                    + (zoneId == null ? "" : ", \"zone_id\": \"" + zoneId + "\"")
                    + (tagsJson == null ? "" : ", \"tags\": " + tagsJson) + "}";
            Reply sent = post("[" + event + "]");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }

        /** Posts a JSON array of events with the usage token. */
        public Reply post(String jsonArray) {
            return fixture.server.http().call("POST", "/accounts/" + id + "/usage/events").bearer(usage)
                    .json(jsonArray).send();
        }

        public JsonNode invoices() {
            return get("/invoices").result();
        }

        public JsonNode invoice(String invoiceId) {
            Reply reply = get("/invoices/" + invoiceId);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply.result();
        }
    }

    /** A new customer, opened on 2026-10-10 (the clock is set there). */
    public Customer customer(String name) {
        return customer(name, "2026-10-10T12:00:00Z", "2026-10-01T00:00:00Z");
    }

    /** A new customer opened at {@code openedAt} (the clock is set there) with a billing cycle anchor. */
    public Customer customer(String name, String openedAt, String anchor) {
        clock.set(Instant.parse(openedAt));
        String id = server.createAccount(name, anchor);
        return new Customer(this, id, server.createToken(id, BILLING_READ), server.createToken(id, BILLING_WRITE),
                server.createToken(id, USAGE_WRITE));
    }

    public Reply operator(String method, String path) {
        return server.asOperator(method, path).send();
    }

    /** One billing run now, as the operator; its report. */
    public JsonNode run() {
        Reply reply = operator("POST", "/billing/runs");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.result();
    }

    public void card(Customer customer, String number) {
        Reply reply = customer.write("PATCH", "/billing/profile", "{\"payment_gateway\": \"test\", \"card_number\": \""
                + number + "\", \"card_expiry_month\": 12, \"card_expiry_year\": 2030}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** October's usage: 20M Workers requests (10M included, $0.30/M beyond: $3.00) and a few other services. */
    public void octoberUsage(Customer customer) {
        customer.send("workers.requests", "12000000", "2026-10-02T10:00:00Z");
        customer.send("workers.requests", "8000000", "2026-10-05T10:00:00Z");
        customer.send("r2.standard.class_a", "1750001", "2026-10-03T08:00:00Z");
        customer.send("kv.keys_read", "10333333", "2026-10-08T09:30:00Z");
        customer.send("workers.cpu_ms", "31234567.5", "2026-10-09T23:59:59Z");
    }

    /** The clock an hour past October's end: its invoice is due. */
    public void closeOctober() {
        clock.set(Instant.parse("2026-11-01T01:00:00Z"));
    }
}
