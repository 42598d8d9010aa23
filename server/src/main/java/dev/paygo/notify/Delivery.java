package dev.paygo.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * One event's delivery to one endpoint: {@code pending} (waiting for its next attempt), {@code delivered} (a 2xx
 * answer), {@code failed} (its retry window ended) or {@code cancelled} (its endpoint was deleted).
 */
public record Delivery(String id, String endpointId, String eventId, String eventType, String accountId,
                       String status, int attempts, Optional<Instant> nextAttemptAt, Optional<Instant> lastAttemptAt,
                       Optional<Integer> lastStatusCode, Optional<String> lastError, Optional<Instant> deliveredAt,
                       Instant createdAt) {
    static Delivery of(DeliveryRow r) {
        return new Delivery(r.id(), r.endpointId(), r.eventId(), r.eventType(), r.accountId(), r.status(), r.attempts(),
                Optional.ofNullable(r.nextAttemptAtMs()).map(Instant::ofEpochMilli),
                Optional.ofNullable(r.lastAttemptAtMs()).map(Instant::ofEpochMilli),
                Optional.ofNullable(r.lastStatusCode()), Optional.ofNullable(r.lastError()),
                Optional.ofNullable(r.deliveredAtMs()).map(Instant::ofEpochMilli), Instant.ofEpochMilli(r.createdAtMs()));
    }
}
