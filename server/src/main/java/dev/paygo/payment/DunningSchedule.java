package dev.paygo.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a failed invoice payment is tried again: each entry is a time after the first failure ({@code P1D,P3D,P5D}:
 * one, three and five days after it). After the last retry fails the invoice is uncollectible. {@code PT0S}
 * means "at the next billing run". Entries never decrease. Immutable.
 */
public record DunningSchedule(List<Duration> retries) {
    public static final DunningSchedule DEFAULT = new DunningSchedule(List.of(Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofDays(5)));

    public DunningSchedule {
        retries = List.copyOf(retries);
        for (int i = 0; i < retries.size(); i++) {
            if (retries.get(i).isNegative()) {
                throw new IllegalArgumentException("a retry cannot come before the first failure: " + retries.get(i));
            }
            if (i > 0 && retries.get(i).compareTo(retries.get(i - 1)) < 0) {
                throw new IllegalArgumentException("retries must not come earlier than the one before: "
                        + retries.get(i) + " after " + retries.get(i - 1));
            }
        }
    }

    /** Reads {@code P1D,P3D,P5D}; an empty text means no retry (the first failure is final). */
    public static DunningSchedule parse(String text) {
        List<Duration> retries = new ArrayList<>();
        for (String part : text.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                retries.add(Duration.parse(entry));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + entry + "' is not an ISO-8601 duration such as P1D or PT12H",
                        e);
            }
        }
        return new DunningSchedule(retries);
    }

    /**
     * The time of the next attempt after {@code failures} failed attempts, the first of which failed at
     * {@code firstFailure}; empty when the retries are used up.
     */
    public Optional<Instant> nextAttempt(Instant firstFailure, int failures) {
        if (failures < 1 || failures > retries.size()) {
            return Optional.empty();
        }
        return Optional.of(firstFailure.plus(retries.get(failures - 1)));
    }

    /** As given on the command line: {@code P1D,P3D,P5D}. */
    @Override
    public String toString() {
        return String.join(",", retries.stream().map(Duration::toString).toList());
    }
}
