package dev.paygo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.StandardWebhooks;
import dev.paygo.testing.TestBackend;
import dev.paygo.testing.WebhookReceiver;
import dev.paygo.testing.WebhookReceiver.Received;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Webhooks survive SIGKILL: billing runs issue and charge invoices while a receiver on loopback answers slowly or
 * with errors at random, and the server is killed part-way again and again — between changes and their
 * deliveries, and with deliveries in flight. Afterwards every invoice was told as finalized and as paid (each
 * message genuine by an independent verifier), nothing was told that did not happen, and every delivery ended
 * delivered.
 */
class WebhookCrashIT {
    @Test
    void killedServersLoseNoWebhookAndTellNothingThatDidNotHappen() throws Exception {
        int accounts = Suite.pick(150, 2_000);
        int kills = Suite.pick(3, 12);
        Random random = new Random(Suite.seed(20261201));
        try (TestBackend backend = TestBackend.create(); WebhookReceiver receiver = WebhookReceiver.start(
                Clock.systemUTC())) {
            receiver.on("/hooks", nth -> {
                int roll = ThreadLocalRandom.current().nextInt(100);
                if (roll < 15) {
                    Thread.sleep(2500);  // past the 1 s timeout: in flight when a kill lands, or timed out
                }
                return roll >= 15 && roll < 30 ? 500 : 204;
            });
            Path log = Suite.tempFile("paygo-webhook-crash", ".log");
            PaygoProcess paygo = PaygoProcess.start(backend.jdbcUrl(), log, "384m", Map.of(), "--rate-limit", "0",
                    "--webhook-allow-private", "--webhook-timeout", "PT1S", "--webhook-first-retry", "PT0.5S",
                    "--billing-lock-lease", BillingCrashIT.LOCK_LEASE);
            try {
                Api.Answer registered = Api.call(paygo.baseUrl(), "POST", "/webhooks", PaygoProcess.OPERATOR_TOKEN,
                        "{\"url\": \"" + receiver.url("/hooks") + "\", \"enabled_events\": [\"invoice.finalized\", "
                                + "\"invoice.paid\"]}");
                assertThat(registered.status()).as(registered.body()).isEqualTo(201);
                String secret = registered.result().get("secret").asText();
                BillingCrashIT.openAccountsWithAnEndedPeriodOfUsage(paygo, accounts);
                Jdbi db = Jdbi.create(backend.jdbcUrl());
                List<String> atKill = new ArrayList<>();
                for (int k = 0; k < kills; k++) {
                    String before = BillingCrashIT.holder(db);
                    CompletableFuture<Api.Answer> run = CompletableFuture.supplyAsync(() -> Api.call(paygo.baseUrl(),
                            "POST", "/billing/runs", PaygoProcess.OPERATOR_TOKEN, null));
                    // The killed node's lease on the billing lock runs out first (3 s): wait until this run has
                    // taken it.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                    while (BillingCrashIT.holder(db).equals(before) && !run.isDone() && System.nanoTime() < deadline) {
                        TimeUnit.MILLISECONDS.sleep(20);
                    }
                    // Then kill after a random share of the work left (invoices issued, then messages received:
                    // 3 x accounts) for the kills left, so kills land while invoices are issued and paid and while
                    // their deliveries are in flight, whatever the machine's speed.
                    long from = progress(db, receiver);
                    long left = Math.max(1, 3L * accounts - from);
                    long target = from + 1 + random.nextInt((int) Math.max(1, 2 * left / (kills - k + 1)));
                    while (progress(db, receiver) < target && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(60)) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                    paygo.kill();
                    atKill.add(count(db, "SELECT COUNT(*) FROM invoices") + "i/" + receiver.at("/hooks").size() + "r/"
                            + count(db, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'") + "p");
                    run.handle((answer, failure) -> null).get(60, TimeUnit.SECONDS);
                    paygo.restart();
                }
                Api.Answer last = Api.call(paygo.baseUrl(), "POST", "/billing/runs", PaygoProcess.OPERATOR_TOKEN, null);
                assertThat(last.status()).as(last.body()).isEqualTo(200);
                assertThat(count(db, "SELECT COUNT(*) FROM invoices WHERE status = 'paid'")).isEqualTo(accounts);

                // The receiver's timeouts make draining slow (a second each, four at a time), and a delivery that
                // failed again and again waits out a backoff that doubles each time (0.5 s, 1 s, … — past a minute
                // after eight failures). So wait as long as deliveries keep arriving or none is due: a minute in
                // which deliveries were due and none was delivered means one is stuck. None may fail for good.
                long left = count(db, "SELECT COUNT(*) FROM webhook_deliveries WHERE status <> 'delivered'");
                long stalledSince = System.nanoTime();
                while (left > 0) {
                    assertThat(System.nanoTime() - stalledSince).as(left + " deliveries due and none delivered for a "
                            + "minute; see " + log).isLessThan(TimeUnit.MINUTES.toNanos(1));
                    assertThat(count(db, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed'"))
                            .as("deliveries given up on; see " + log).isZero();
                    TimeUnit.MILLISECONDS.sleep(200);
                    long now = count(db, "SELECT COUNT(*) FROM webhook_deliveries WHERE status <> 'delivered'");
                    if (now < left || due(db) == 0) {
                        stalledSince = System.nanoTime();
                    }
                    left = now;
                }
                List<Received> got = receiver.at("/hooks");
                for (Received r : got) {
                    assertThat(StandardWebhooks.problem(secret, r.headers(), r.body(), r.receivedAt()))
                            .as("signature of %s", r.id()).isEmpty();
                }
                Set<String> invoices = Set.copyOf(db.withHandle(h -> h.createQuery("SELECT id FROM invoices")
                        .mapTo(String.class).list()));
                assertThat(toldOf(got, "invoice.finalized")).as("finalized, each invoice").isEqualTo(invoices);
                assertThat(toldOf(got, "invoice.paid")).as("paid, each invoice").isEqualTo(invoices);
                long messages = got.stream().map(Received::id).distinct().count();
                assertThat(messages).as("one message per invoice and event").isEqualTo(2L * accounts);
                Suite.record("webhook-crash", "accounts=" + accounts + " kills=" + kills + " messages=" + messages
                        + " requests=" + got.size() + " most-attempts=" + count(db, "SELECT MAX(attempts) FROM "
                        + "webhook_deliveries") + " invoices/received/pending-at-each-kill=" + atKill);
            } finally {
                paygo.close();
            }
        }
    }

    /** The invoices the genuine messages of {@code type} told of. */
    private static Set<String> toldOf(List<Received> got, String type) {
        return got.stream().map(Received::json).filter(j -> j.get("type").asText().equals(type))
                .map(j -> j.get("data")).map(data -> data.get("id").asText()).collect(Collectors.toSet());
    }

    /** How far the work has gone: invoices issued plus webhook requests received. */
    private static long progress(Jdbi db, WebhookReceiver receiver) {
        return count(db, "SELECT COUNT(*) FROM invoices") + receiver.at("/hooks").size();
    }

    /** Pending deliveries whose next attempt is due and that no node holds (those the dispatcher should send). */
    private static long due(Jdbi db) {
        long nowMs = System.currentTimeMillis();  // the server's clock: the real one, on this machine
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending' "
                + "AND next_attempt_at_ms <= :nowMs AND (lease_until_ms IS NULL OR lease_until_ms < :nowMs)")
                .bind("nowMs", nowMs).mapTo(Long.class).one());
    }

    private static long count(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

}
