package dev.paygo.alert;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.account.Account;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spend alerts: set by Billing Write, evaluated as usage arrives, fired once per period also under concurrent
 * senders and concurrent evaluators (SPEC §11). Runs on SQLite and on PostgreSQL.
 */
class SpendAlertIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-10T12:00:00Z");
    private static final AtomicInteger EVENT_IDS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Customer(String id, String reader, String writer, String usage) {
        Reply alerts() {
            return server.http().call("GET", "/accounts/" + id + "/billing/alerts").bearer(reader).send();
        }

        Reply setAlert(String json) {
            return server.http().call("POST", "/accounts/" + id + "/billing/alerts").bearer(writer).json(json).send();
        }

        /** {@code count} events of 1M Workers requests each (10M are included a period, then $0.30 per million). */
        void sendMillions(int count, String day) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                body.append(i == 0 ? "" : ",").append("{\"id\": \"e").append(EVENT_IDS.incrementAndGet())
                        .append("\", \"metric\": \"workers.requests\", \"quantity\": 1000000, \"timestamp\": \"")
                        .append(day).append("T10:00:00Z\"}");
            }
            Reply sent = server.http().call("POST", "/accounts/" + id + "/usage/events").bearer(usage)
                    .json(body.append(']').toString()).send();
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }
    }

    private static Customer customer(String name) {
        String id = server.createAccount(name, "2026-11-01T00:00:00Z");
        return new Customer(id, server.createToken(id, BILLING_READ), server.createToken(id, BILLING_WRITE),
                server.createToken(id, USAGE_WRITE));
    }

    private static JsonNode alert(Customer customer, String id) {
        for (JsonNode a : customer.alerts().result()) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no alert " + id);
    }

    /** Waits (up to 10 s) for the evaluator thread, which works as usage arrives. */
    private static JsonNode await(Customer customer, String id, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode alert = alert(customer, id);
        while (!done.test(alert) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            alert = alert(customer, id);
        }
        return alert;
    }

    private static int firings(String alertId) {
        return server.server().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM spend_alert_firings WHERE alert_id = :id").bind("id", alertId)
                .mapTo(Integer.class).one());
    }

    @Test
    void alertFiresOnceWhenTheCostPassesItsAmountUnderEightConcurrentSenders() throws Exception {
        Customer customer = customer("Alerted");
        Reply created = customer.setAlert("{\"amount\": \"3.00\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.result().get("id").asText();
        assertThat(created.result().get("amount").asText()).isEqualTo("3.00");
        assertThat(created.result().get("currency").asText()).isEqualTo("USD");
        assertThat(created.result().get("period_start").asText()).isEqualTo("2026-11-01");
        assertThat(created.result().has("fired_at")).isFalse();
        String never = customer.setAlert("{\"amount\": 1000}").result().get("id").asText();

        // 10M included, then $0.30 a million: 19M cost $2.70, below the alert; nothing fires.
        customer.sendMillions(19, "2026-11-02");
        Thread.sleep(1500);
        assertThat(alert(customer, id).has("fired_at")).as("$2.70 has not reached $3.00").isFalse();

        // 8 senders at once, 10 batches of 1M each: the cost passes $3.00 on the way to $26.70.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int sender = 0; sender < 8; sender++) {
            sent.add(pool.submit(() -> {
                for (int batch = 0; batch < 10; batch++) {
                    customer.sendMillions(1, "2026-11-09");
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        JsonNode fired = await(customer, id, a -> a.has("fired_at"));
        assertThat(fired.has("fired_at")).as("the alert fired").isTrue();
        assertThat(fired.get("last_fired_at")).isEqualTo(fired.get("fired_at"));
        customer.sendMillions(5, "2026-11-10");
        Thread.sleep(1500);
        assertThat(firings(id)).as("once per period").isEqualTo(1);
        assertThat(alert(customer, never).has("fired_at")).isFalse();
        assertThat(firings(never)).isZero();
    }

    @Test
    void concurrentEvaluatorsFireAnAlertOnce() throws Exception {
        Customer customer = customer("Racing nodes");
        customer.sendMillions(30, "2026-11-03");   // $6.00
        Account account = server.server().accounts().find(customer.id()).orElseThrow();
        String id = server.server().alerts().create(account, new java.math.BigDecimal("5"), "USD").id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> evaluations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            evaluations.add(pool.submit(() -> server.server().alerts().evaluate(account).size()));
        }
        int total = 0;
        for (Future<Integer> f : evaluations) {
            total += f.get();
        }
        pool.shutdown();
        // The evaluator thread may have fired it first (creating an alert evaluates it): once, all told.
        assertThat(total).isLessThanOrEqualTo(1);
        assertThat(await(customer, id, a -> a.has("fired_at")).has("fired_at")).isTrue();
        assertThat(firings(id)).isEqualTo(1);
    }

    @Test
    void anAlertFiresAgainInTheNextPeriod() throws Exception {
        Customer customer = customer("Monthly");
        String id = customer.setAlert("{\"amount\": \"0.30\"}").result().get("id").asText();
        customer.sendMillions(11, "2026-11-04");
        JsonNode november = await(customer, id, a -> a.has("fired_at"));
        assertThat(november.has("fired_at")).isTrue();
        CLOCK.set(Instant.parse("2026-12-02T12:00:00Z"));
        try {
            JsonNode december = alert(customer, id);
            assertThat(december.get("period_start").asText()).isEqualTo("2026-12-01");
            assertThat(december.has("fired_at")).as("a new period").isFalse();
            assertThat(december.get("last_fired_at")).isEqualTo(november.get("fired_at"));
            customer.sendMillions(11, "2026-12-02");
            JsonNode fired = await(customer, id, a -> a.has("fired_at"));
            assertThat(fired.get("fired_at").asText()).startsWith("2026-12-02");
            assertThat(firings(id)).isEqualTo(2);
        } finally {
            CLOCK.set(Instant.parse("2026-11-10T12:00:00Z"));
        }
    }

    @Test
    void badInputGetsAClear4xxAndChangesNothing() {
        Customer customer = customer("Bad alerts");
        for (String body : List.of("{\"amount\": \"-1\"}", "{\"amount\": 0}", "{\"amount\": \"1.001\"}",
                "{\"amount\": 1e999999999}", "{\"amount\": \"abc\"}", "{}", "{\"amount\": null}", "{\"amount\": \"5\", \"currency\": \"EUR\"}",
                "{\"amount\": \"5\", \"extra\": true}")) {
            Reply reply = customer.setAlert(body);
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/source/pointer").asText()).startsWith("/");
        }
        assertThat(server.http().call("POST", "/accounts/" + customer.id() + "/billing/alerts")
                .bearer(customer.reader()).json("{\"amount\": \"5\"}").send().status()).as("Billing Read").isEqualTo(403);
        assertThat(server.http().call("DELETE", "/accounts/" + customer.id() + "/billing/alerts/"
                + "0123456789abcdef0123456789abcdef").bearer(customer.writer()).send().status()).isEqualTo(404);
        assertThat(customer.alerts().result()).as("nothing stored").isEmpty();

        for (int i = 1; i <= SpendAlertService.MAX_PER_ACCOUNT; i++) {
            assertThat(customer.setAlert("{\"amount\": \"" + i + "\"}").status()).isEqualTo(201);
        }
        Reply tooMany = customer.setAlert("{\"amount\": \"100\"}");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(customer.alerts().result()).hasSize(SpendAlertService.MAX_PER_ACCOUNT);
        String first = customer.alerts().result().get(0).get("id").asText();
        Reply deleted = server.http().call("DELETE", "/accounts/" + customer.id() + "/billing/alerts/" + first)
                .bearer(customer.writer()).send();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.result().get("id").asText()).isEqualTo(first);
        assertThat(customer.alerts().result()).hasSize(SpendAlertService.MAX_PER_ACCOUNT - 1);
    }
}
