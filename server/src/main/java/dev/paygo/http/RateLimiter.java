package dev.paygo.http;

import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per credential: {@code perSecond} requests a second on average, bursts up to
 * {@code burst}. Beyond that, 429 / 971 with {@code Retry-After} in whole seconds. Zero disables it.
 * Thread-safe; memory grows with the number of distinct credentials, which the database bounds.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, double burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request from {@code key}'s bucket, or throws 429. */
    public void acquire(String key) {
        if (perSecond <= 0) {
            return;
        }
        long waitMs = buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()))
                .take(clock.millis(), perSecond, burst);
        if (waitMs > 0) {
            long seconds = Math.max(1, (waitMs + 999) / 1000);
            throw new PaygoException(ErrorCode.RATE_LIMITED.status(), List.of(ApiError.of(ErrorCode.RATE_LIMITED)),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long lastMs;

        Bucket(double tokens, long nowMs) {
            this.tokens = tokens;
            this.lastMs = nowMs;
        }

        /** Returns 0 when a request may pass, else milliseconds until one may. */
        synchronized long take(long nowMs, double perSecond, double burst) {
            if (nowMs > lastMs) {
                tokens = Math.min(burst, tokens + (nowMs - lastMs) * perSecond / 1000.0);
                lastMs = nowMs;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 1000.0 / perSecond);
        }
    }
}
