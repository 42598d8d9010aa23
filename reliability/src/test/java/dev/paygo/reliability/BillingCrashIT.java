package dev.paygo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.TestBackend;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A billing run killed with SIGKILL at random moments loses nothing and doubles nothing: many accounts with usage
 * in an ended period and a card that succeeds; runs are started and the server killed part-way, again and again,
 * then a last run completes. Every account then has exactly one invoice, paid by exactly one charge the gateway
 * made once, numbers have no gaps, and every invoice's lines add up to its total.
 */
class BillingCrashIT {
    /**
     * The billing lock's lease in the crash tests: after each kill the next run waits for the dead node's lease to
     * run out, so the default 15 s would be most of these tests' time; 3 s still spans several renewals a run.
     */
    static final String LOCK_LEASE = "PT3S";

    @Test
    void killedMidRunBillingIssuesEachInvoiceOnceAndChargesEachOnce() throws Exception {
        int accounts = Suite.pick(300, 2_000);
        int kills = Suite.pick(4, 20);
        Random random = new Random(Suite.seed(20261202));
        try (TestBackend backend = TestBackend.create()) {
            Path log = Suite.tempFile("paygo-billing-crash", ".log");
            PaygoProcess paygo = PaygoProcess.start(backend.jdbcUrl(), log, "384m", Map.of(), "--rate-limit", "0",
                    "--billing-lock-lease", LOCK_LEASE);
            try {
                List<String> ids = openAccountsWithAnEndedPeriodOfUsage(paygo, accounts);
                Jdbi db = Jdbi.create(backend.jdbcUrl());
                List<String> atKill = new ArrayList<>();
                for (int k = 0; k < kills; k++) {
                    String before = holder(db);
                    CompletableFuture<Api.Answer> run = CompletableFuture.supplyAsync(() -> Api.call(paygo.baseUrl(),
                            "POST", "/billing/runs", PaygoProcess.OPERATOR_TOKEN, null));
                    // The killed node's lease on the lock runs out first (LOCK_LEASE); kill once this run has taken it.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                    while (holder(db).equals(before) && !run.isDone() && System.nanoTime() < deadline) {
                        TimeUnit.MILLISECONDS.sleep(20);
                    }
                    // Kill after a random amount of progress (invoices issued + charges made), so that the kills
                    // spread over both phases of the work whatever the machine's speed.
                    long from = count(db, "invoices") + count(db, "test_gateway_charges");
                    // A random share of the work left (2 x accounts: issue, then charge) for the kills left, so
                    // the kills spread over both phases and all land before the work is done.
                    long left = Math.max(1, 2L * accounts - from);
                    long target = from + 1 + random.nextInt((int) Math.max(1, 2 * left / (kills - k + 1)));
                    while (count(db, "invoices") + count(db, "test_gateway_charges") < target && !run.isDone()
                            && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(60)) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                    paygo.kill();
                    atKill.add(count(db, "invoices") + "i/" + count(db, "test_gateway_charges") + "c/"
                            + query(db, "SELECT COUNT(*) FROM payment_attempts WHERE status = "
                            + "'pending'") + "p");
                    run.handle((answer, failure) -> null).get(60, TimeUnit.SECONDS);
                    paygo.restart();
                }
                // The last node killed still holds the lock until its lease runs out: the run waits for it.
                Api.Answer last = Api.call(paygo.baseUrl(), "POST", "/billing/runs", PaygoProcess.OPERATOR_TOKEN, null);
                assertThat(last.status()).as(last.body()).isEqualTo(200);
                assertThat(last.result().get("complete").asBoolean()).isTrue();

                assertThat(count(db, "invoices")).isEqualTo(accounts);
                assertThat(query(db, "SELECT COUNT(DISTINCT account_id) FROM invoices")).isEqualTo(accounts);
                List<String> numbers = db.withHandle(h -> h.createQuery("SELECT number FROM invoices ORDER BY number")
                        .mapTo(String.class).list());
                for (int i = 0; i < numbers.size(); i++) {
                    assertThat(Long.parseLong(numbers.get(i).substring(numbers.get(i).lastIndexOf('-') + 1)))
                            .as("gapless numbers").isEqualTo(i + 1);
                }
                assertThat(query(db, "SELECT COUNT(*) FROM invoices WHERE status <> 'paid' OR "
                        + "paid_minor <> total_minor")).as("every invoice paid in full")
                        .isZero();
                assertThat(query(db, "SELECT COUNT(*) FROM payment_attempts WHERE status = "
                        + "'succeeded'")).as("one successful attempt each").isEqualTo(accounts);
                assertThat(count(db, "payment_attempts")).as("no attempt pending or repeated").isEqualTo(accounts);
                assertThat(count(db, "test_gateway_charges")).as("the gateway charged each once").isEqualTo(accounts);
                assertThat(query(db, "SELECT COUNT(*) FROM invoices i WHERE total_minor <> "
                        + "(SELECT SUM(amount_minor) FROM invoice_lines l WHERE l.invoice_id = i.id)")).as("lines add up to totals").isZero();
                assertThat(ids).hasSize(accounts);
                Suite.record("billing-crash", "accounts=" + accounts + " kills=" + kills
                        + " invoices/charges/pending-at-each-kill=" + atKill);
            } finally {
                paygo.close();
            }
        }
    }

    /** Who holds the billing lock ("" before any run). */
    static String holder(Jdbi db) {
        return db.withHandle(h -> h.createQuery("SELECT holder FROM billing_run_lock").mapTo(String.class).findOne())
                .orElse("");
    }

    private static long count(Jdbi db, String table) {
        return query(db, "SELECT COUNT(*) FROM " + table);
    }

    private static long query(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /**
     * Accounts whose billing period started three days ago (the period before has ended, its grace long past),
     * each with a card that succeeds and usage ten days ago.
     */
    static List<String> openAccountsWithAnEndedPeriodOfUsage(PaygoProcess paygo, int accounts) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String anchor = today.minusDays(3) + "T00:00:00Z";
        String used = today.minusDays(10) + "T12:00:00Z";
        List<String> ids = new ArrayList<>();
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int i = 0; i < accounts; i++) {
            String id = Api.call(paygo.baseUrl(), "POST", "/accounts", PaygoProcess.OPERATOR_TOKEN, "{\"name\": \"Bill "
                    + i + "\", \"billing_cycle_anchor\": \"" + anchor + "\"}").result().get("id").asText();
            Api.Answer card = Api.call(paygo.baseUrl(), "PUT", "/accounts/" + id + "/billing/profile",
                    PaygoProcess.OPERATOR_TOKEN, "{\"payment_gateway\": \"test\", \"card_number\": \"4242424242424242\", "
                            + "\"card_expiry_month\": 12, \"card_expiry_year\": 2099}");
            assertThat(card.status()).as(card.body()).isEqualTo(200);
            events.add("{\"id\": \"u" + i + "\", \"account_id\": \"" + id + "\", \"metric\": \"workers.requests\", "
                    + "\"quantity\": " + (10_000_000 + 1_000_000L * (i % 7 + 1)) + ", \"timestamp\": \"" + used + "\"}");
            ids.add(id);
            if (events.length() > 100_000 || i == accounts - 1) {
                Api.Answer sent = Api.call(paygo.baseUrl(), "POST", "/usage/events", PaygoProcess.OPERATOR_TOKEN,
                        events.toString());
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);
                events = new StringJoiner(",", "[", "]");
            }
        }
        return ids;
    }
}
