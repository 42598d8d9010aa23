package dev.paygo.usage;

import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: concurrent ingestion requests queue here, and writer threads store as many as are waiting
 * (up to {@code maxGroupEvents} events) in one transaction, so one durable commit (one fsync) serves many
 * requests. Each request still succeeds or fails as a whole: when a group's transaction fails, its requests
 * are retried one transaction each, and only the failing one fails. Thread-safe.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** Stores a group's requests inside its transaction. */
    interface Store {
        /** Locks the group's accounts, given sorted and once each, before any request is stored. */
        void lock(Handle handle, List<String> sortedAccounts);

        /** Stores one request's events. */
        IngestResult store(Handle handle, EventBatch batch);
    }

    private record Pending(EventBatch batch, CompletableFuture<IngestResult> done) {
    }

    private static final int MAX_RETRIES = 5;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(4096);
    private final Jdbi jdbi;
    private final Store store;
    private final int maxGroupEvents;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;
    private final AtomicLong retries = new AtomicLong();

    GroupCommitter(Jdbi jdbi, Store store, int writerCount, int maxGroupEvents) {
        this.jdbi = jdbi;
        this.store = store;
        this.maxGroupEvents = maxGroupEvents;
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::run, "paygo-usage-writer-" + i);
            writer.start();
            writers.add(writer);
        }
    }

    /**
     * Queues a request's events; the future completes once they are committed (or failed). When the queue is
     * full the request is refused at once (503 with {@code Retry-After}) rather than holding its thread.
     */
    CompletableFuture<IngestResult> submit(EventBatch batch) {
        if (!running) {
            throw new PaygoException(ErrorCode.NOT_READY, "Service is shutting down; send the events again");
        }
        CompletableFuture<IngestResult> done = new CompletableFuture<>();
        if (!queue.offer(new Pending(batch, done))) {
            throw new PaygoException(ErrorCode.NOT_READY.status(), List.of(ApiError.of(ErrorCode.NOT_READY,
                    "Service busy: too many usage batches are waiting to be stored; send them again shortly")),
                    Map.of("Retry-After", "1"));
        }
        return done;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> group = new ArrayList<>();
            group.add(first);
            int events = first.batch().size();
            Pending next;
            while ((next = queue.peek()) != null && events + next.batch().size() <= maxGroupEvents) {
                Pending taken = queue.poll();
                if (taken == null) {
                    break;
                }
                group.add(taken);
                events += taken.batch().size();
            }
            commit(group);
        }
    }

    private void commit(List<Pending> group) {
        commit(group, 0);
    }

    private void commit(List<Pending> group, int attempt) {
        try {
            List<IngestResult> results = jdbi.inTransaction(h -> {
                SortedSet<String> accounts = new TreeSet<>();
                group.forEach(p -> accounts.addAll(p.batch().accounts()));
                store.lock(h, List.copyOf(accounts));
                List<IngestResult> out = new ArrayList<>(group.size());
                for (Pending pending : group) {
                    out.add(store.store(h, pending.batch()));
                }
                return out;
            });
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (isTransient(e) && attempt < MAX_RETRIES) {
                // PostgreSQL chose this transaction as a deadlock victim or serialization loser: run it again.
                retries.incrementAndGet();
                sleep(attempt);
                commit(group, attempt + 1);
            } else if (group.size() > 1) {
                group.forEach(p -> commit(List.of(p), 0));
            } else {
                if (!(e instanceof PaygoException)) {
                    LOG.atError().setCause(e).log("usage batch could not be stored");
                }
                group.get(0).done().completeExceptionally(e);
            }
        }
    }

    /** Transactions run again after a deadlock or serialization failure, since start. */
    long retries() {
        return retries.get();
    }

    /** Deadlocks and serialization failures (SQLSTATE class 40) succeed when tried again. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // A batch reports its statement's failure as the next exception (PostgreSQL's driver does).
            for (java.sql.SQLException sql = t instanceof java.sql.SQLException s ? s : null; sql != null;
                 sql = sql.getNextException()) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(5L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking requests, commits what is queued, and waits for the writers to finish. */
    @Override
    public void close() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
