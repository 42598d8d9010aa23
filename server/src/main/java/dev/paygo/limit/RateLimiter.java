package dev.paygo.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Token buckets per key (a credential, a client address): {@code rate.perSecond()} requests a second on
 * average, bursts up to {@code rate.burst()}; beyond, 429 / 971 with {@code Retry-After}. The buckets live in a
 * {@link BucketStore}; with a shared store each node takes tokens in small leases (at most a tenth of a
 * second's worth, used within a second or given up), so the limit holds across nodes: a node never spends a
 * token the shared bucket did not give it. Thread-safe.
 */
public final class RateLimiter {
    private static final long LEASE_MS = 1000;

    private final Rate rate;
    private final Clock clock;
    private final BucketStore store;
    private final long leaseSize;
    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1)).maximumSize(100_000).build();

    /** @param shared whether {@code store} is shared by several nodes (then tokens are leased in small lots) */
    public RateLimiter(Rate rate, Clock clock, BucketStore store, boolean shared) {
        this.rate = rate;
        this.clock = clock;
        this.store = store;
        this.leaseSize = shared ? Math.max(1, Math.min((long) (rate.burst() / 4), (long) (rate.perSecond() / 10))) : 1;
    }

    /** Takes one request from {@code key}'s bucket, or throws 429 / 971 with {@code Retry-After}. */
    public void acquire(String key) {
        if (!tryAcquire(key)) {
            throw tooMany(rate.secondsToNextToken());
        }
    }

    /** Takes one request from {@code key}'s bucket; false when it is empty. Always true when the rate is off. */
    public boolean tryAcquire(String key) {
        if (rate.isOff()) {
            return true;
        }
        long now = clock.millis();
        Lease lease = leases.get(key, k -> new Lease());
        synchronized (lease) {
            if (lease.tokens > 0 && now < lease.expiresMs) {
                lease.tokens--;
                return true;
            }
            long granted = store.take(key, leaseSize, now, rate);
            if (granted == 0) {
                lease.tokens = 0;
                return false;
            }
            lease.tokens = granted - 1;
            lease.expiresMs = now + LEASE_MS;
            return true;
        }
    }

    /** Seconds a caller refused by this limiter should wait. */
    public long retryAfterSeconds() {
        return rate.secondsToNextToken();
    }

    static PaygoException tooMany(long retryAfterSeconds) {
        return new PaygoException(ErrorCode.RATE_LIMITED.status(), List.of(ApiError.of(ErrorCode.RATE_LIMITED)),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** Tokens this node holds for a key, taken from the store and not spent yet. */
    private static final class Lease {
        long tokens;
        long expiresMs;
    }
}
