package dev.paygo.limit;

/**
 * A token bucket's rule: {@code perSecond} tokens a second on average, at most {@code burst} at once. Kept in
 * micro-tokens, so buckets refill with exact integer arithmetic (rates down to 0.001 a second).
 */
public record Rate(double perSecond, double burst) {
    static final long MICRO = 1_000_000;

    /** Micro-tokens added per millisecond. */
    long microPerMs() {
        return Math.round(perSecond * 1000);
    }

    long burstMicro() {
        return Math.round(burst * MICRO);
    }

    boolean isOff() {
        return perSecond <= 0;
    }

    /** A bucket's micro-tokens at {@code nowMs}, refilled since {@code updatedMs} and capped at the burst. */
    long refill(long tokensMicro, long updatedMs, long nowMs) {
        long elapsed = Math.max(0, nowMs - updatedMs);
        long perMs = microPerMs();
        long added = perMs == 0 ? 0 : elapsed > burstMicro() / perMs ? burstMicro() : elapsed * perMs;
        return Math.min(burstMicro(), tokensMicro + added);
    }

    /** Whole seconds until one token is back in an empty bucket (at least 1). */
    long secondsToNextToken() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
