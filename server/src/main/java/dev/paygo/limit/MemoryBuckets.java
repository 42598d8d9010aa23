package dev.paygo.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Buckets in this process: exact, and enough for one node (SQLite). Buckets idle for ten minutes are dropped
 * (they would be full by then anyway), so memory follows the keys in use. Thread-safe.
 */
public final class MemoryBuckets implements BucketStore {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(1_000_000).build();

    @Override
    public long take(String key, long wanted, long nowMs, Rate rate) {
        return buckets.get(key, k -> new Bucket(rate.burstMicro(), nowMs)).take(wanted, nowMs, rate);
    }

    private static final class Bucket {
        private long tokensMicro;
        private long updatedMs;

        Bucket(long tokensMicro, long updatedMs) {
            this.tokensMicro = tokensMicro;
            this.updatedMs = updatedMs;
        }

        synchronized long take(long wanted, long nowMs, Rate rate) {
            tokensMicro = rate.refill(tokensMicro, updatedMs, nowMs);
            updatedMs = Math.max(updatedMs, nowMs);
            long granted = Math.min(wanted, tokensMicro / Rate.MICRO);
            tokensMicro -= granted * Rate.MICRO;
            return granted;
        }
    }
}
