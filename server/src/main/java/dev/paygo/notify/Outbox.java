package dev.paygo.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Where features tell of a change: {@link #publish} writes the event, and one pending delivery per endpoint that
 * receives its type, through the caller's transaction — so the event exists exactly when the change does, and a
 * crash after the commit loses no notification (the dispatcher finds the deliveries on any node). An event no
 * endpoint receives is not stored. Thread-safe.
 */
public final class Outbox {
    private final Clock clock;
    private final ObjectMapper mapper;
    private final WebhookSettings settings;
    private final LongAdder published = new LongAdder();
    private volatile Runnable onCommit = () -> { };

    public Outbox(Clock clock, ObjectMapper mapper, WebhookSettings settings) {
        this.clock = clock;
        this.mapper = mapper;
        this.settings = settings;
    }

    /**
     * Writes an event of {@code type} about the account through {@code handle}'s transaction; {@code data} gives
     * the object as the API returns it (read through the same handle, and only when some endpoint receives the
     * type). The payload follows the Standard Webhooks shape: {@code type}, {@code timestamp}, {@code data}.
     */
    public void publish(Handle handle, EventType type, String accountId, Supplier<Object> data) {
        WebhookDao dao = handle.attach(WebhookDao.class);
        List<String> endpoints = dao.listSubscribed(type.wire());
        if (endpoints.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);  // as every time the API writes
        String eventId = "msg_" + Ids.hex32();
        String payload;
        try {
            payload = mapper.writeValueAsString(new Payload(type.wire(), now, data.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's data is an API object, which always serializes", e);
        }
        dao.insertEvent(eventId, type.wire(), accountId, payload, now.toEpochMilli());
        dao.insertDelivery(endpoints.stream().map(e -> Ids.hex32()).toList(), endpoints, eventId, now.toEpochMilli(),
                now.plus(settings.retryFor()).toEpochMilli());
        published.add(endpoints.size());
        handle.afterCommit(onCommit);
    }

    /** Whether some endpoint receives {@code type} now (work done only to tell of it can be skipped otherwise). */
    public boolean receives(Handle handle, EventType type) {
        return !handle.attach(WebhookDao.class).listSubscribed(type.wire()).isEmpty();
    }

    /** Deliveries this node wrote since it started. */
    public long published() {
        return published.sum();
    }

    /** Runs after each commit that wrote deliveries (the dispatcher wakes up). */
    void onCommit(Runnable action) {
        this.onCommit = action;
    }

    /** An event's body: Standard Webhooks' {@code type}, {@code timestamp} and {@code data}. */
    record Payload(String type, Instant timestamp, Object data) {
    }
}
