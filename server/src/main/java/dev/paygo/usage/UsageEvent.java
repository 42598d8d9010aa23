package dev.paygo.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One metered fact: {@code quantity} of {@code metric} consumed by an account at {@code timestamp}. */
public record UsageEvent(String accountId, String id, String metric, BigDecimal quantity, Instant timestamp,
                         Optional<String> zoneId) {

    /** The UTC day the event counts for. */
    public LocalDate day() {
        // Epoch arithmetic: LocalDate.ofInstant builds new ZoneRules on every call, once per ingested event.
        return LocalDate.ofEpochDay(Math.floorDiv(timestamp.getEpochSecond(), 86_400L));
    }
}
