package dev.paygo.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventBatchTest {
    private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static IncomingEvent event(String account, String id, String metric, String quantity, String at) {
        return new IncomingEvent(new UsageEvent(account, id, metric, new BigDecimal(quantity), Instant.parse(at),
                Optional.empty()), "/" + id, false);
    }

    @Test
    void rowsAreInKeyOrderAndAccountsListedOnce() {
        EventBatch batch = EventBatch.of(List.of(
                event(B, "2", "kv.keys_read", "1", "2026-11-02T10:00:00Z"),
                event(A, "9", "kv.keys_read", "1", "2026-11-02T10:00:00Z"),
                event(B, "1", "kv.keys_read", "1", "2026-11-02T10:00:00Z"),
                event(A, "10", "kv.keys_read", "1", "2026-11-02T10:00:00Z")), 42);

        assertThat(batch.rows()).extracting(r -> r.accountId().charAt(0) + "/" + r.eventId())
                .containsExactly("a/10", "a/9", "b/1", "b/2");
        assertThat(batch.rows()).allSatisfy(r -> assertThat(r.receivedAtMs()).isEqualTo(42));
        assertThat(batch.accounts()).containsExactly(A, B);
    }

    @Test
    void rollupsAddOnlyNewRowsExactlyPerAccountDayAndMetricInKeyOrder() {
        EventBatch batch = EventBatch.of(List.of(
                event(A, "1", "workers.requests", "0.999999999999999999", "2026-11-02T23:59:59Z"),
                event(A, "2", "workers.requests", "0.000000000000000001", "2026-11-02T00:00:00Z"),
                event(A, "3", "workers.requests", "7", "2026-11-01T12:00:00Z"),
                event(A, "4", "kv.keys_read", "5", "2026-11-02T12:00:00Z"),
                event(A, "5", "kv.keys_read", "1000", "2026-11-02T12:00:00Z"),
                event(B, "6", "kv.keys_read", "3.5", "2026-11-02T12:00:00Z")), 0);

        // Row 5 (1000 kv.keys_read) was stored before: it adds nothing.
        List<RollupRow> rollups = batch.rollupsOf(new boolean[] {true, true, true, true, false, true});

        assertThat(rollups).containsExactly(
                new RollupRow(A, "workers.requests", "2026-11-01", 7, 0, 1),
                new RollupRow(A, "kv.keys_read", "2026-11-02", 5, 0, 1),
                new RollupRow(A, "workers.requests", "2026-11-02", 1, 0, 2),
                new RollupRow(B, "kv.keys_read", "2026-11-02", 3, 500_000_000_000_000_000L, 1));
    }

    @Test
    void aRollupNamesTheQuantityOfItsFirstEventInTheRequest() {
        EventBatch batch = EventBatch.of(List.of(
                event(A, "9", "kv.keys_read", "1", "2026-11-02T10:00:00Z"),
                event(A, "3", "kv.keys_read", "1", "2026-11-02T11:00:00Z")), 0);
        RollupRow rollup = batch.rollupsOf(new boolean[] {true, true}).get(0);
        assertThat(batch.quantityPointerOf(rollup)).isEqualTo("/9/quantity");
    }

    @Test
    void aRollupWithNoNewRowIsLeftOut() {
        EventBatch batch = EventBatch.of(List.of(event(A, "1", "kv.keys_read", "2", "2026-11-02T12:00:00Z")), 0);

        assertThat(batch.rollupsOf(new boolean[] {false})).isEmpty();
    }
}
