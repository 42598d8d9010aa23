package dev.paygo.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed authentications (an unknown, revoked or expired token; a wrong email and key) are limited per client
 * address and per email named: beyond the limit the failure is answered 429 / 971 instead of 403, and further
 * requests from that address are answered 429 before their credential is even looked at, until the bucket
 * refills. Guessing credentials is then slow from one address, and slow against one user from many. Thread-safe.
 */
public final class AuthThrottle {
    private final RateLimiter failures;
    private final Clock clock;
    private final Cache<String, Long> blockedUntilMs = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(100_000).build();

    public AuthThrottle(RateLimiter failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** 429 when {@code address} used up its failures and must wait. */
    public void checkNotBlocked(String address) {
        Long until = blockedUntilMs.getIfPresent(address);
        long now = clock.millis();
        if (until != null && now < until) {
            throw RateLimiter.tooMany(Math.max(1, (until - now + 999) / 1000));
        }
    }

    /**
     * Counts a failed authentication from {@code address} (and against {@code email}, when one was named); throws
     * 429 when that was one too many, else returns so that the caller answers the failure itself.
     */
    public void failed(String address, Optional<String> email) {
        boolean addressOk = failures.tryAcquire("authfail:ip:" + address);
        boolean emailOk = email.map(e -> failures.tryAcquire("authfail:email:" + e.strip().toLowerCase(Locale.ROOT)))
                .orElse(true);
        if (!addressOk || !emailOk) {
            long wait = failures.retryAfterSeconds();
            if (!addressOk) {
                blockedUntilMs.put(address, clock.millis() + wait * 1000);
            }
            throw RateLimiter.tooMany(wait);
        }
    }
}
