package dev.paygo.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.PaygoServer;
import dev.paygo.account.Account;
import dev.paygo.rating.UsageRecord;
import dev.paygo.rating.UsageWindow;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * SPEC §7 invariant 4 on the real database of the backend under test: the records of a stream of events do
 * not depend on their order, on how they are split into requests, nor on repeated sends; and every event is
 * acknowledged as accepted exactly once.
 */
class IngestionPropertiesIT {
    private static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");
    private static final List<String> METRICS = List.of("workers.requests", "r2.standard.storage",
            "workers_ai.neurons", "durable_objects.duration");
    private static TestServer server;
    private static PaygoServer paygo;

    @BeforeContainer
    static void start() {
        server = TestServer.start(c -> c.withClock(new MutableClock(NOW)));
        paygo = server.server();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** One event: a metric, seconds before now (up to 30 days), and a quantity. */
    record Draw(String metric, long secondsAgo, BigDecimal quantity) {
    }

    @Provide
    Arbitrary<List<Draw>> streams() {
        return Combinators.combine(Arbitraries.of(METRICS),
                        Arbitraries.longs().between(0, Duration.ofDays(30).toSeconds()),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000000")).ofScale(3))
                .as(Draw::new).list().ofMinSize(1).ofMaxSize(150);
    }

    private static List<IncomingEvent> events(String account, List<Draw> draws) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < draws.size(); i++) {
            Draw d = draws.get(i);
            events.add(new IncomingEvent(new UsageEvent(account, "evt-" + i, d.metric(), d.quantity(),
                    NOW.minusSeconds(d.secondsAgo()), Optional.empty()), "/" + i, false));
        }
        return events;
    }

    private static List<UsageRecord> records(Account account) {
        return paygo.rating().records(account, new UsageWindow(java.time.LocalDate.parse("2025-02-17"),
                java.time.LocalDate.parse("2025-03-20")));
    }

    @Property(tries = 25)
    void recordsDoNotDependOnOrderSplitsOrRepeats(@ForAll("streams") List<Draw> draws, @ForAll long seed) {
        Account canonical = paygo.accounts().create(new dev.paygo.account.NewAccount("canonical", "USD",
                Optional.of(Instant.parse("2025-01-10T00:00:00Z"))));
        Account shuffled = paygo.accounts().create(new dev.paygo.account.NewAccount("shuffled", "USD",
                Optional.of(Instant.parse("2025-01-10T00:00:00Z"))));
        assertThat(paygo.usage().ingest(events(canonical.id(), draws)).accepted()).isEqualTo(draws.size());

        Random random = new Random(seed);
        List<IncomingEvent> stream = new ArrayList<>(events(shuffled.id(), draws));
        Collections.shuffle(stream, random);
        List<IncomingEvent> repeats = new ArrayList<>();
        for (IncomingEvent e : stream) {
            if (random.nextInt(4) == 0) {
                repeats.add(e);
            }
        }
        stream.addAll(random.nextInt(stream.size() + 1), repeats);
        int accepted = 0;
        int duplicates = 0;
        for (int from = 0; from < stream.size(); ) {
            int to = Math.min(stream.size(), from + 1 + random.nextInt(40));
            IngestResult result = paygo.usage().ingest(stream.subList(from, to));
            accepted += result.accepted();
            duplicates += result.duplicates();
            from = to;
        }
        assertThat(accepted).isEqualTo(draws.size());
        assertThat(duplicates).isEqualTo(repeats.size());
        assertThat(records(shuffled)).isEqualTo(records(canonical));
    }

    @Property(tries = 5)
    void concurrentRequestsAreEachCountedOnce(@ForAll("streams") List<Draw> draws) throws Exception {
        Account account = paygo.accounts().create(new dev.paygo.account.NewAccount("concurrent", "USD",
                Optional.empty()));
        List<IncomingEvent> events = events(account.id(), draws);
        // Eight clients send the whole stream at the same time, in eight different orders.
        List<java.util.concurrent.Future<IngestResult>> results = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                List<IncomingEvent> copy = new ArrayList<>(events);
                Collections.shuffle(copy, new Random(i));
                results.add(pool.submit(() -> paygo.usage().ingest(copy)));
            }
            int accepted = 0;
            for (var result : results) {
                accepted += result.get().accepted();
            }
            assertThat(accepted).isEqualTo(draws.size());
        } finally {
            pool.shutdown();
        }
        BigDecimal expected = draws.stream().map(Draw::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal stored = paygo.usage().listDaily(account.id(), java.time.LocalDate.parse("2025-02-01"),
                java.time.LocalDate.parse("2025-03-21")).stream().map(DailyUsage::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(stored).isEqualByComparingTo(expected);
    }
}
