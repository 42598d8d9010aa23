package dev.paygo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.TestBackend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two paygo processes on one PostgreSQL database (run in the PostgreSQL half only: SQLite is one node's file).
 * Under concurrent ingestion and queries on both, totals are exact, a usage answer on one node never misses
 * what the other acknowledged before it was asked, and a credential's rate limit holds across the two nodes.
 */
class TwoNodesIT {
    private static final String USAGE_WRITE = "09181cd7b2355e7f254fd16cbc8293c3";
    private static final String BILLING_READ = "7cf72faf220841aabcfdfab81c43c4f6";

    @Test
    void twoNodesShareTotalsFreshnessAndRateLimits() throws Exception {
        int batchesPerProducer = Suite.pick(25, 250);
        try (TestBackend backend = TestBackend.create()) {
            Path log = Suite.tempFile("paygo-two-nodes", ".log");
            // Five requests a second per credential, bursts of ten: both nodes, one shared bucket per credential.
            try (PaygoProcess a = PaygoProcess.start(backend.jdbcUrl(), log, "384m", Map.of(), "--rate-limit", "5");
                 PaygoProcess b = PaygoProcess.start(backend.jdbcUrl(), log, "384m", Map.of(), "--rate-limit", "5")) {
                String account = Api.createAccount(a.baseUrl(), "Two nodes");
                String today = LocalDate.now(ZoneOffset.UTC).toString();
                String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

                AtomicLong acknowledged = new AtomicLong();
                AtomicInteger staleReads = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<Long>> producers = new ArrayList<>();
                for (int p = 0; p < 4; p++) {
                    int producer = p;
                    producers.add(pool.submit(() -> {
                        long sent = 0;
                        for (int batch = 0; batch < batchesPerProducer; batch++) {
                            PaygoProcess writeTo = (producer + batch) % 2 == 0 ? a : b;
                            PaygoProcess readFrom = writeTo == a ? b : a;
                            StringJoiner events = new StringJoiner(",", "[", "]");
                            long quantity = 0;
                            for (int i = 0; i < 50; i++) {
                                long q = producer * 1000L + batch * 10L + i + 1;
                                quantity += q;
                                events.add("{\"id\": \"n" + producer + "-" + batch + "-" + i + "\", \"metric\": "
                                        + "\"workers.requests\", \"quantity\": " + q + ", \"timestamp\": \""
                                        + Instant.now().minusSeconds(1) + "\"}");
                            }
                            Api.Answer stored = Api.call(writeTo.baseUrl(), "POST", "/accounts/" + account
                                    + "/usage/events", PaygoProcess.OPERATOR_TOKEN, events.toString());
                            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
                            sent += quantity;
                            long before = acknowledged.addAndGet(quantity);
                            // Everything acknowledged so far, on either node, must show on the other one now.
                            BigDecimal seen = Api.consumed(readFrom.baseUrl(), account, PaygoProcess.OPERATOR_TOKEN,
                                    yesterday, today);
                            if (seen.compareTo(BigDecimal.valueOf(before)) < 0) {
                                staleReads.incrementAndGet();
                            }
                        }
                        return sent;
                    }));
                }
                long total = 0;
                for (Future<Long> producer : producers) {
                    total += producer.get();
                }
                pool.shutdown();
                assertThat(staleReads.get()).as("usage answers that missed acknowledged usage").isZero();
                assertThat(Api.consumed(a.baseUrl(), account, PaygoProcess.OPERATOR_TOKEN, yesterday, today))
                        .isEqualByComparingTo(BigDecimal.valueOf(total));
                assertThat(Api.consumed(b.baseUrl(), account, PaygoProcess.OPERATOR_TOKEN, yesterday, today))
                        .isEqualByComparingTo(BigDecimal.valueOf(total));

                String reader = Api.createToken(a.baseUrl(), account, BILLING_READ).get("value").asText();
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger limited = new AtomicInteger();
                long started = System.nanoTime();
                ExecutorService hammer = Executors.newFixedThreadPool(4);
                List<Future<?>> clients = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int client = t;
                    clients.add(hammer.submit(() -> {
                        int i = 0;
                        while (System.nanoTime() - started < 3_000_000_000L) {
                            PaygoProcess node = (client + i++) % 2 == 0 ? a : b;
                            int status = Api.call(node.baseUrl(), "GET", "/accounts/" + account + "/billing/profile",
                                    reader, null).status();
                            if (status == 200) {
                                ok.incrementAndGet();
                            } else {
                                assertThat(status).isEqualTo(429);
                                limited.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> client : clients) {
                    client.get();
                }
                hammer.shutdown();
                double seconds = (System.nanoTime() - started) / 1e9;
                // One bucket for both nodes: the burst of 10 and 5 a second, whichever node answers.
                double allowed = 10 + 5 * seconds;
                assertThat(ok.get()).as("requests let through by both nodes together").isLessThanOrEqualTo((int) Math.ceil(allowed) + 1);
                assertThat(limited.get()).isPositive();
                // A console session opened on one node works on the other, and signing out on one ends it on both.
                String session = Api.consoleSession(a.baseUrl(), reader);
                assertThat(Api.consolePage(b.baseUrl(), "/accounts/" + account, session).statusCode()).isEqualTo(200);
                String csrf = Api.consolePage(b.baseUrl(), "/accounts/" + account, session).body()
                        .replaceAll("(?s).*name=\"_csrf\" value=\"([0-9a-f]{64})\".*", "$1");
                assertThat(Api.call(b.baseUrl().replace("/client/v4", ""), "POST", "/sign-out", null, null,
                        "Cookie", "paygo_session=" + session, "Content-Type", "application/x-www-form-urlencoded")
                        .status()).as("no form token: refused").isEqualTo(403);
                Api.consoleSignOut(b.baseUrl(), session, csrf);
                assertThat(Api.consolePage(a.baseUrl(), "/accounts/" + account, session).statusCode())
                        .as("signed out on the other node: sent to sign in").isEqualTo(303);
                Suite.record("two-nodes", "producers=4 batches=" + 4 * batchesPerProducer + " quantity=" + total
                        + " stale-reads=" + staleReads.get() + " rate-limit: ok=" + ok.get() + " limited=" + limited.get()
                        + " in " + String.format("%.1f", seconds) + " s (allowed " + String.format("%.1f", allowed) + ")");
            }
        }
    }

    @Test
    void twoNodesBillingAtOnceIssueEachInvoiceOnceAndChargeEachOnce() throws Exception {
        int accounts = Suite.pick(200, 1_000);
        try (TestBackend backend = TestBackend.create()) {
            Path log = Suite.tempFile("paygo-two-nodes-billing", ".log");
            // Both nodes bill in the background every second, and on demand besides.
            Map<String, String> everySecond = Map.of("PAYGO_BILLING_INTERVAL", "1");
            try (PaygoProcess setup = PaygoProcess.start(backend.jdbcUrl(), log, "384m", Map.of(), "--rate-limit", "0")) {
                BillingCrashIT.openAccountsWithAnEndedPeriodOfUsage(setup, accounts);
            }
            try (PaygoProcess a = PaygoProcess.start(backend.jdbcUrl(), log, "384m", everySecond, "--rate-limit", "0");
                 PaygoProcess b = PaygoProcess.start(backend.jdbcUrl(), log, "384m", everySecond, "--rate-limit", "0")) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<Api.Answer>> runs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    PaygoProcess node = i % 2 == 0 ? a : b;
                    runs.add(pool.submit(() -> Api.call(node.baseUrl(), "POST", "/billing/runs",
                            PaygoProcess.OPERATOR_TOKEN, null)));
                }
                long issuedByDemand = 0;
                for (Future<Api.Answer> run : runs) {
                    Api.Answer answer = run.get();
                    assertThat(answer.status()).as(answer.body()).isIn(200, 409);
                    if (answer.status() == 200) {
                        issuedByDemand += answer.result().get("invoices_issued").asLong();
                    }
                }
                pool.shutdown();
                Jdbi db = Jdbi.create(backend.jdbcUrl());
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (count(db, "SELECT COUNT(*) FROM invoices WHERE status = 'paid'") < accounts
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(count(db, "SELECT COUNT(*) FROM invoices")).isEqualTo(accounts);
                assertThat(count(db, "SELECT COUNT(DISTINCT number) FROM invoices")).isEqualTo(accounts);
                assertThat(count(db, "SELECT COUNT(*) FROM invoices WHERE status = 'paid'")).isEqualTo(accounts);
                assertThat(count(db, "SELECT COUNT(*) FROM payment_attempts")).isEqualTo(accounts);
                assertThat(count(db, "SELECT COUNT(*) FROM test_gateway_charges")).isEqualTo(accounts);
                Suite.record("two-nodes-billing", "accounts=" + accounts + " on-demand-runs=8 invoices-by-those-runs="
                        + issuedByDemand + " (the rest by background runs) invoices=" + accounts + " charges=" + accounts);
            }
        }
    }

    private static long count(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
