package dev.paygo.notify;

/** A row of {@code webhook_deliveries} with its event's type and account. */
public record DeliveryRow(String id, String endpointId, String eventId, String eventType, String accountId,
                          String status, int attempts, Long nextAttemptAtMs, Long lastAttemptAtMs,
                          Integer lastStatusCode, String lastError, Long deliveredAtMs, long createdAtMs) {
}
