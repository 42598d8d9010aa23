package dev.paygo.usage;

import dev.paygo.catalog.CatalogService;
import dev.paygo.catalog.Metric;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Usage ingestion and daily totals. A request's events are checked (metric metered on the event's day, not
 * older than the late-event window, not more than 5 minutes ahead), then stored atomically with group commit:
 * new events are kept raw and added to their (account, metric, UTC day) rollup in the same transaction;
 * events already stored under the same (account, id) are acknowledged and not counted again. When this
 * returns, the events are durable. Thread-safe; close it to flush the writers.
 */
public final class UsageService implements AutoCloseable {
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private record EventKey(String accountId, String id) {
    }

    private static final int INSERT_CHUNK = 1000;
    private static final long COMMIT_TIMEOUT_SECONDS = 60;

    private final Jdbi jdbi;
    private final Clock clock;
    private final CatalogService catalog;
    private final int lateEventDays;
    private final GroupCommitter committer;
    private volatile Consumer<Set<String>> onStored = accounts -> { };

    /**
     * @param writers concurrent writer transactions (1 for SQLite, which has one writer at a time)
     * @param lateEventDays how many days back an event's timestamp may lie
     */
    public UsageService(Jdbi jdbi, Clock clock, CatalogService catalog, int lateEventDays, int writers) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.catalog = catalog;
        this.lateEventDays = lateEventDays;
        this.committer = new GroupCommitter(jdbi, new GroupCommitter.Store() {
            @Override
            public void lock(Handle handle, List<String> sortedAccounts) {
                lockAccounts(handle, sortedAccounts);
            }

            @Override
            public IngestResult store(Handle handle, EventBatch batch) {
                return UsageService.this.store(handle, batch);
            }
        }, writers, 50_000);
    }

    /**
     * Who to tell, after a commit, which accounts got new usage (spend alerts). It runs on the request's thread and
     * must not block.
     */
    public void onStored(Consumer<Set<String>> listener) {
        this.onStored = listener;
    }

    /** Checks and stores one request's events, all or none; 400 lists every bad event. */
    public IngestResult ingest(List<IncomingEvent> events) {
        return ingest(events, new Problems());
    }

    /**
     * Checks one request's events, adding to the problems its reader found, and stores them all or none:
     * 400 lists every problem, the reader's and these checks', at once.
     */
    public IngestResult ingest(List<IncomingEvent> events, Problems problems) {
        validate(events, problems);
        problems.throwIfAny();
        return store(events);
    }

    private IngestResult store(List<IncomingEvent> events) {
        Map<EventKey, IncomingEvent> unique = unique(events);
        int repeatedInRequest = events.size() - unique.size();
        EventBatch batch = EventBatch.of(unique.values(), clock.millis());
        try {
            IngestResult stored = committer.submit(batch)
                    .get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (stored.accepted() > 0) {
                onStored.accept(unique.keySet().stream().map(EventKey::accountId).collect(Collectors.toSet()));
            }
            return new IngestResult(stored.accepted(), stored.duplicates() + repeatedInRequest);
        } catch (TimeoutException e) {
            throw new PaygoException(ErrorCode.NOT_READY, "Usage could not be committed in time; send the same "
                    + "events again (they are idempotent)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaygoException(ErrorCode.NOT_READY, "Service is shutting down; send the events again");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stores history older than the late-event window (the demo's 60 days, a migration), through the same
     * checks and storage path except the window; still all or none, still idempotent.
     */
    public IngestResult backfill(List<IncomingEvent> events) {
        Problems problems = new Problems();
        validate(events, problems, Instant.MIN);
        problems.throwIfAny();
        return store(events);
    }

    private void validate(List<IncomingEvent> events, Problems problems) {
        validate(events, problems, clock.instant().minus(Duration.ofDays(lateEventDays)));
    }

    /** Why an event is refused when it would overflow its day's total. */
    static final String DAY_TOTAL_TOO_LARGE = "would take this metric's total for the account and day past "
            + Long.MAX_VALUE + " units, the most one day can hold: send it as another metric or split the usage";

    /** The first event of each (account, id), in request order. */
    private static Map<EventKey, IncomingEvent> unique(List<IncomingEvent> events) {
        Map<EventKey, IncomingEvent> unique = new LinkedHashMap<>(events.size() * 2);
        for (IncomingEvent incoming : events) {
            unique.putIfAbsent(new EventKey(incoming.event().accountId(), incoming.event().id()), incoming);
        }
        return unique;
    }

    /**
     * A day's total of one metric for one account is kept exactly in a 64-bit count of whole units: the event
     * that would take a request's own total for a day past {@link Long#MAX_VALUE} units is refused by name (the
     * total with what is stored already is checked as it is stored).
     */
    private static void checkDailyTotals(List<IncomingEvent> events, Problems problems) {
        record Day(String account, String metric, long epochDay) {
        }
        Map<Day, long[]> totals = new HashMap<>();
        for (IncomingEvent incoming : unique(events).values()) {
            UsageEvent event = incoming.event();
            long[] total = totals.computeIfAbsent(new Day(event.accountId(), event.metric(), event.day().toEpochDay()),
                    d -> new long[2]);
            if (total[0] < 0) {
                continue;  // reported already
            }
            long atto = total[1] + Quantity.atto(event.quantity());
            try {
                total[0] = Math.addExact(total[0], Math.addExact(Quantity.units(event.quantity()),
                        atto / Quantity.ATTO_PER_UNIT));
                total[1] = atto % Quantity.ATTO_PER_UNIT;
            } catch (ArithmeticException e) {
                total[0] = -1;
                problems.add(incoming.quantityPointer(), DAY_TOTAL_TOO_LARGE);
            }
        }
    }

    private void validate(List<IncomingEvent> events, Problems problems, Instant oldest) {
        Instant newest = clock.instant().plus(FUTURE_TOLERANCE);
        for (IncomingEvent incoming : events) {
            UsageEvent event = incoming.event();
            Optional<Metric> metric = catalog.findMetric(event.metric());
            if (metric.isEmpty()) {
                problems.add(incoming.metricPointer(), "is not a metric of the catalog (GET /billing/catalog "
                        + "lists them)");
            } else if (event.day().isBefore(metric.get().availableFrom())) {
                problems.add(incoming.metricPointer(), "is not metered before " + metric.get().availableFrom());
            } else if (metric.get().retiredFrom().filter(r -> !event.day().isBefore(r)).isPresent()) {
                problems.add(incoming.metricPointer(), "is retired from " + metric.get().retiredFrom().get()
                        + ": usage on or after that day is not accepted (GET /billing/catalog shows what replaces it)");
            }
            if (event.timestamp().isBefore(oldest)) {
                problems.add(incoming.timestampPointer(), "is more than " + lateEventDays + " days old: late "
                        + "events are accepted up to " + lateEventDays + " days (PAYGO_LATE_EVENT_DAYS)");
            } else if (event.timestamp().isAfter(newest)) {
                problems.add(incoming.timestampPointer(), "is more than 5 minutes in the future");
            }
        }
        checkDailyTotals(events, problems);
    }

    /**
     * Locks the usage versions of a commit group's accounts, once each and in one global (sorted) order, before
     * any of their events or rollups are touched: concurrent writer transactions (PostgreSQL) then never wait
     * on each other in a cycle, whatever accounts their requests mix.
     */
    private void lockAccounts(Handle handle, List<String> sortedAccounts) {
        handle.attach(UsageDao.class).bumpVersion(sortedAccounts);
    }

    /**
     * Stores one request's (de-duplicated) events in the caller's transaction, whose accounts are locked already
     * ({@link #lockAccounts}). A day's total that the stored one would take past a long is refused by name.
     */
    private IngestResult store(Handle handle, EventBatch batch) {
        UsageDao dao = handle.attach(UsageDao.class);
        boolean[] isNew = new boolean[batch.size()];
        int accepted = 0;
        for (int from = 0; from < batch.size(); from += INSERT_CHUNK) {
            boolean[] chunk = dao.insertEvents(batch.rows().subList(from, Math.min(batch.size(), from + INSERT_CHUNK)));
            System.arraycopy(chunk, 0, isNew, from, chunk.length);
            for (boolean stored : chunk) {
                accepted += stored ? 1 : 0;
            }
        }
        List<RollupRow> rollups = batch.rollupsOf(isNew);
        if (!rollups.isEmpty()) {
            int[] added = dao.addToRollup(rollups);
            for (int i = 0; i < added.length; i++) {
                if (added[i] == 0) {
                    throw Problems.single(batch.quantityPointerOf(rollups.get(i)), DAY_TOTAL_TOO_LARGE);
                }
            }
        }
        List<AllocationRow> allocations = batch.allocationsOf(isNew);
        if (!allocations.isEmpty()) {
            dao.addToAllocation(allocations);
        }
        return new IngestResult(accepted, batch.size() - accepted);
    }

    /**
     * How many times a commit group was run again because the database chose it as a deadlock victim or it
     * lost a serialization conflict (0 when writers never wait on each other in a cycle).
     */
    public long commitRetries() {
        return committer.retries();
    }

    /** A number that changes whenever usage of the account is stored (0 before any). */
    public long version(String accountId) {
        return jdbi.withExtension(UsageDao.class, dao -> dao.findVersion(accountId)).orElse(0L);
    }

    /** The first day the account has usage on, if any. */
    public Optional<LocalDate> findFirstDay(String accountId) {
        return jdbi.withExtension(UsageDao.class, dao -> dao.findFirstDay(accountId)).map(LocalDate::parse);
    }

    /** The account's allocation groups (usage with a zone or tags) on the days {@code [from, toExclusive)}. */
    public List<AllocationRow> listAllocations(String accountId, LocalDate from, LocalDate toExclusive) {
        return jdbi.withExtension(UsageDao.class,
                dao -> dao.listAllocations(accountId, from.toString(), toExclusive.toString()));
    }

    /** The account's daily totals on the days {@code [from, toExclusive)}, by metric then day. */
    public List<DailyUsage> listDaily(String accountId, LocalDate from, LocalDate toExclusive) {
        return jdbi.withExtension(UsageDao.class,
                        dao -> dao.listRollups(accountId, from.toString(), toExclusive.toString())).stream()
                .map(r -> new DailyUsage(r.metric(), LocalDate.parse(r.utcDay()),
                        Quantity.of(r.quantityUnits(), r.quantityAtto()), r.eventCount()))
                .toList();
    }

    @Override
    public void close() {
        committer.close();
    }
}
