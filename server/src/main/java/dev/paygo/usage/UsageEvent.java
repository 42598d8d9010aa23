package dev.paygo.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One metered fact: {@code quantity} of {@code metric} consumed by an account at {@code timestamp}, in a zone and
 * with tags when the sender says so (for cost allocation).
 */
public record UsageEvent(String accountId, String id, String metric, BigDecimal quantity, Instant timestamp,
                         Optional<String> zoneId, Tags tags) {

    public UsageEvent(String accountId, String id, String metric, BigDecimal quantity, Instant timestamp,
                      Optional<String> zoneId) {
        this(accountId, id, metric, quantity, timestamp, zoneId, Tags.NONE);
    }

    /** The UTC day the event counts for. */
    public LocalDate day() {
        // Epoch arithmetic: LocalDate.ofInstant builds new ZoneRules on every call, once per ingested event.
        return LocalDate.ofEpochDay(Math.floorDiv(timestamp.getEpochSecond(), 86_400L));
    }
}
