package dev.paygo.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Buckets in the database, shared by every node on it (PostgreSQL): a take locks the bucket's row, refills it
 * and takes what it can in one short transaction. Buckets idle for an hour are purged, once a minute at most.
 * Thread-safe.
 */
public final class DatabaseBuckets implements BucketStore {
    private static final Duration IDLE = Duration.ofHours(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final AtomicLong nextPurgeMs = new AtomicLong();

    public DatabaseBuckets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long take(String key, long wanted, long nowMs, Rate rate) {
        purgeIfDue(nowMs);
        return jdbi.inTransaction(h -> {
            LimitDao dao = h.attach(LimitDao.class);
            dao.lockOrCreate(key, rate.burstMicro(), nowMs);
            BucketRow row = dao.find(key).orElseThrow();
            long tokens = rate.refill(row.tokensMicro(), row.updatedMs(), nowMs);
            long granted = Math.min(wanted, tokens / Rate.MICRO);
            dao.update(key, tokens - granted * Rate.MICRO, Math.max(nowMs, row.updatedMs()));
            return granted;
        });
    }

    private void purgeIfDue(long nowMs) {
        long due = nextPurgeMs.get();
        if (nowMs >= due && nextPurgeMs.compareAndSet(due, nowMs + PURGE_EVERY.toMillis())) {
            jdbi.useExtension(LimitDao.class, dao -> dao.deleteIdle(nowMs - IDLE.toMillis()));
        }
    }
}
