package dev.paygo.bench;

import java.util.Arrays;

/** Percentiles of the latencies that several load threads recorded. */
final class Latencies {
    private final long[] sorted;

    Latencies(long[][] perThread) {
        this.sorted = Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    /** The latency below which {@code fraction} of them lie (0 when none were recorded). */
    long percentile(double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
    }
}
