package dev.paygo.usage;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A day's total stays exact at its limits and under concurrency, on both backends: an event that would pass
 * what a day can hold is refused by name and changes nothing, and requests that mix accounts are stored without
 * deadlocks.
 */
class DailyTotalsIT {
    private static final String HUGE = "999999999999999999";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-05T12:00:00Z")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Account(String id, String writer, String reader) {
    }

    private static Account account() {
        String id = server.createAccount("Totals", "2025-03-01T00:00:00Z");
        return new Account(id, server.createToken(id, USAGE_WRITE), server.createToken(id, BILLING_READ));
    }

    private static Reply send(Account account, String prefix, int count, String quantity) {
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int i = 0; i < count; i++) {
            events.add("{\"id\": \"" + prefix + i + "\", \"metric\": \"kv.keys_read\", \"quantity\": " + quantity
                    + ", \"timestamp\": \"2025-03-05T10:00:00Z\"}");
        }
        return server.http().call("POST", "/accounts/" + account.id() + "/usage/events").bearer(account.writer())
                .json(events.toString()).send();
    }

    private static BigDecimal consumedOn5March(Account account) {
        Reply records = server.http().call("GET", "/accounts/" + account.id()
                + "/billing/usage/paygo?from=2025-03-05&to=2025-03-05").bearer(account.reader()).send();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode record : records.result()) {
            total = total.add(record.get("ConsumedQuantity").decimalValue());
        }
        return total;
    }

    @Test
    void theEventThatWouldOverflowARequestsDayIsNamed() {
        Account account = account();
        Reply reply = send(account, "a", 10, HUGE);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/source/pointer").asText()).isEqualTo("/9/quantity");
        assertThat(reply.json().get("errors")).hasSize(1);
        assertThat(consumedOn5March(account)).isZero();
    }

    @Test
    void theEventThatWouldOverflowTheStoredDayIsNamedAndTheTotalStaysExact() {
        Account account = account();
        assertThat(send(account, "first", 5, HUGE).status()).isEqualTo(200);
        BigDecimal stored = new BigDecimal(HUGE).multiply(BigDecimal.valueOf(5));
        assertThat(consumedOn5March(account)).isEqualByComparingTo(stored);

        Reply second = send(account, "second", 5, HUGE);
        assertThat(second.status()).as(second.toString()).isEqualTo(400);
        assertThat(second.json().at("/errors/0/source/pointer").asText()).isEqualTo("/0/quantity");
        assertThat(consumedOn5March(account)).isEqualByComparingTo(stored);

        // What still fits is taken, to the unit (an event is below 10^18, so the room takes five).
        BigDecimal room = BigDecimal.valueOf(Long.MAX_VALUE).subtract(stored);
        BigDecimal rest = room.subtract(new BigDecimal(HUGE).multiply(BigDecimal.valueOf(4)));
        assertThat(send(account, "fill", 4, HUGE).status()).isEqualTo(200);
        assertThat(send(account, "last", 1, rest.toPlainString()).status()).isEqualTo(200);
        assertThat(consumedOn5March(account)).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
        // Whole units are what a day holds at most; a fraction beyond them still fits, a carry into them does not.
        BigDecimal full = BigDecimal.valueOf(Long.MAX_VALUE).add(new BigDecimal("0.5"));
        assertThat(send(account, "half", 1, "0.5").status()).isEqualTo(200);
        assertThat(consumedOn5March(account)).isEqualByComparingTo(full);
        assertThat(send(account, "over", 1, "0.5").status()).isEqualTo(400);
        assertThat(consumedOn5March(account)).isEqualByComparingTo(full);
    }

    @Test
    void requestsAlternatingBetweenAccountsAreStoredWithoutDeadlocks() throws Exception {
        Account a = account();
        Account b = account();
        long retriesBefore = server.server().usage().commitRetries();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Account target = i % 2 == 0 ? a : b;
            String prefix = "r" + i + "-";
            statuses.add(pool.submit(() -> send(target, prefix, 10, "3").status()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(consumedOn5March(a)).isEqualByComparingTo("9000");
        assertThat(consumedOn5March(b)).isEqualByComparingTo("9000");
        assertThat(server.server().usage().commitRetries() - retriesBefore).as("deadlock retries").isZero();
    }
}
