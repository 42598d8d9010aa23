package dev.paygo.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request's de-duplicated events, made ready for the writer on the request's own thread: the rows in key
 * order, the accounts they touch, and for each row the index of its daily rollup. The writer (one thread on
 * SQLite) then only runs SQL and adds longs; everything that can run in parallel runs before it.
 */
final class EventBatch {
    private static final Comparator<UsageEvent> EVENT_ORDER = Comparator.comparing(UsageEvent::accountId)
            .thenComparing(UsageEvent::id);
    private static final Comparator<RollupKey> ROLLUP_ORDER = Comparator.comparing(RollupKey::accountId)
            .thenComparingLong(RollupKey::epochDay).thenComparing(RollupKey::metric);

    /** A daily rollup's key; ordering by epoch day is ordering by its ISO date. */
    private record RollupKey(String accountId, long epochDay, String metric) {
    }

    private final List<EventRow> rows;
    private final List<String> accounts;
    private final List<RollupKey> rollups;
    private final int[] rollupOf;
    private final Map<RollupKey, String> quantityPointers;
    /** Per row, the key of its allocation group, or null when the event has neither zone nor tags. */
    private final String[] groupKeys;

    private EventBatch(List<EventRow> rows, List<String> accounts, List<RollupKey> rollups, int[] rollupOf,
                       Map<RollupKey, String> quantityPointers, String[] groupKeys) {
        this.rows = rows;
        this.accounts = accounts;
        this.rollups = rollups;
        this.rollupOf = rollupOf;
        this.quantityPointers = quantityPointers;
        this.groupKeys = groupKeys;
    }

    /**
     * Orders the events by (account, id) and the rollups by (account, day, metric): concurrent writers
     * (PostgreSQL) then take row locks in one order and never deadlock, and SQLite inserts in index order.
     *
     * @param incoming events with distinct (account, id), in the order of their request
     */
    static EventBatch of(Collection<IncomingEvent> incoming, long receivedAtMs) {
        Map<RollupKey, String> quantityPointers = new HashMap<>();
        List<UsageEvent> ordered = new ArrayList<>(incoming.size());
        for (IncomingEvent in : incoming) {
            UsageEvent event = in.event();
            ordered.add(event);
            quantityPointers.putIfAbsent(new RollupKey(event.accountId(), event.day().toEpochDay(), event.metric()),
                    in.quantityPointer());
        }
        ordered.sort(EVENT_ORDER);
        List<EventRow> rows = new ArrayList<>(ordered.size());
        List<String> accounts = new ArrayList<>();
        Map<RollupKey, Integer> firstSeen = new HashMap<>();
        int[] rollupOf = new int[ordered.size()];
        String[] groupKeys = new String[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            UsageEvent event = ordered.get(i);
            EventRow row = EventRow.of(event, receivedAtMs);
            rows.add(row);
            if (row.allocated()) {
                groupKeys[i] = Tags.groupKey(row.zoneId(), row.tags());
            }
            if (accounts.isEmpty() || !accounts.get(accounts.size() - 1).equals(event.accountId())) {
                accounts.add(event.accountId());  // sorted by account: a new one is never seen before
            }
            RollupKey key = new RollupKey(event.accountId(), event.day().toEpochDay(), event.metric());
            rollupOf[i] = firstSeen.computeIfAbsent(key, k -> firstSeen.size());
        }
        // Renumber the rollups in key order.
        List<RollupKey> rollups = new ArrayList<>(firstSeen.keySet());
        rollups.sort(ROLLUP_ORDER);
        int[] rank = new int[rollups.size()];
        for (int r = 0; r < rollups.size(); r++) {
            rank[firstSeen.get(rollups.get(r))] = r;
        }
        for (int i = 0; i < rollupOf.length; i++) {
            rollupOf[i] = rank[rollupOf[i]];
        }
        return new EventBatch(rows, accounts, rollups, rollupOf, quantityPointers, groupKeys);
    }

    /** Where in the request the first event of a rollup's quantity stands ({@code /3/quantity}). */
    String quantityPointerOf(RollupRow rollup) {
        return quantityPointers.get(new RollupKey(rollup.accountId(), LocalDate.parse(rollup.utcDay()).toEpochDay(),
                rollup.metric()));
    }

    int size() {
        return rows.size();
    }

    /** The rows to insert, in (account, id) order. */
    List<EventRow> rows() {
        return rows;
    }

    /** The accounts of the events, sorted. */
    List<String> accounts() {
        return accounts;
    }

    /**
     * What the new rows add to their daily rollups, in (account, day, metric) order.
     *
     * @param isNew per row, whether it was stored (false: its (account, id) was stored before)
     */
    List<RollupRow> rollupsOf(boolean[] isNew) {
        long[] units = new long[rollups.size()];
        long[] atto = new long[rollups.size()];
        long[] count = new long[rollups.size()];
        for (int i = 0; i < isNew.length; i++) {
            if (isNew[i]) {
                int r = rollupOf[i];
                EventRow row = rows.get(i);
                // Exact: atto-units stay below 10^18 and carry into units; UsageService checked that a request's
                // totals per rollup stay within a long.
                atto[r] += row.quantityAtto();
                units[r] = Math.addExact(units[r], row.quantityUnits() + atto[r] / Quantity.ATTO_PER_UNIT);
                atto[r] %= Quantity.ATTO_PER_UNIT;
                count[r]++;
            }
        }
        List<RollupRow> out = new ArrayList<>(rollups.size());
        for (int r = 0; r < rollups.size(); r++) {
            if (count[r] > 0) {
                RollupKey key = rollups.get(r);
                out.add(new RollupRow(key.accountId(), key.metric(), LocalDate.ofEpochDay(key.epochDay()).toString(),
                        units[r], atto[r], count[r]));
            }
        }
        return out;
    }

    /**
     * What the new rows with a zone or tags add to their allocation groups, in (account, day, metric, group)
     * order; empty when no event has either.
     */
    List<AllocationRow> allocationsOf(boolean[] isNew) {
        record Key(String accountId, long epochDay, String metric, String groupKey) {
        }
        Map<Key, long[]> sums = new java.util.TreeMap<>(Comparator.comparing(Key::accountId)
                .thenComparingLong(Key::epochDay).thenComparing(Key::metric).thenComparing(Key::groupKey));
        Map<Key, EventRow> firstRow = new HashMap<>();
        for (int i = 0; i < isNew.length; i++) {
            if (isNew[i] && groupKeys[i] != null) {
                EventRow row = rows.get(i);
                Key key = new Key(row.accountId(), rollups.get(rollupOf[i]).epochDay(), row.metric(), groupKeys[i]);
                long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
                firstRow.putIfAbsent(key, row);
                sum[1] += row.quantityAtto();
                sum[0] = Math.addExact(sum[0], row.quantityUnits() + sum[1] / Quantity.ATTO_PER_UNIT);
                sum[1] %= Quantity.ATTO_PER_UNIT;
                sum[2]++;
            }
        }
        List<AllocationRow> out = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> {
            EventRow row = firstRow.get(key);
            out.add(new AllocationRow(key.accountId(), LocalDate.ofEpochDay(key.epochDay()).toString(), key.metric(),
                    key.groupKey(), row.zoneId(), row.tags(), sum[0], sum[1], sum[2]));
        });
        return out;
    }
}
