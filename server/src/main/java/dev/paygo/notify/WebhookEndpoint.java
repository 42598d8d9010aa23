package dev.paygo.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registered webhook endpoint. {@code secret} is present only in the answer to its registration: the one time
 * it is shown.
 */
public record WebhookEndpoint(String id, String url, String description, List<String> enabledEvents,
                              Instant createdAt, Optional<String> secret) {
}
