package dev.paygo.notify;

import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.paging.PageRequest;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's webhook endpoints and their deliveries: register (the secret is shown once), list, delete (its
 * pending deliveries are cancelled), read an endpoint's delivery log and send a delivery again. Thread-safe.
 */
public final class WebhookService {
    /** The most endpoints at once: each event is written once per endpoint that receives it. */
    public static final int MAX_ENDPOINTS = 50;
    private static final int MAX_DESCRIPTION = 200;
    private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed", "cancelled");

    private final Jdbi jdbi;
    private final Clock clock;
    private final WebhookSettings settings;
    private final ReceiverAddresses addresses;

    public WebhookService(Jdbi jdbi, Clock clock, WebhookSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.addresses = new ReceiverAddresses(settings.allowPrivate());
    }

    /**
     * Registers an endpoint for the given event types ({@value EventType#ALL} for all). 400 for a URL that is not
     * http(s), or on a private or loopback address without {@code --webhook-allow-private}; for no event type, an
     * unknown one, or a description over 200 characters; 409 past {@value #MAX_ENDPOINTS} endpoints.
     */
    public WebhookEndpoint register(String url, String description, List<String> enabledEvents) {
        Problems problems = new Problems();
        ReceiverAddresses.Checked checked = addresses.check(url);
        if (checked.uri().isEmpty()) {
            problems.add("/url", checked.refusal());
        }
        if (description.length() > MAX_DESCRIPTION || description.chars().anyMatch(Character::isISOControl)) {
            problems.add("/description", "must be at most " + MAX_DESCRIPTION + " characters without control "
                    + "characters");
        }
        if (enabledEvents.isEmpty()) {
            problems.add("/enabled_events", "must name at least one event type, or \"*\" for all");
        }
        TreeSet<String> events = new TreeSet<>();
        for (int i = 0; i < enabledEvents.size(); i++) {
            String type = enabledEvents.get(i);
            if (!type.equals(EventType.ALL) && EventType.fromWire(type).isEmpty()) {
                problems.add("/enabled_events/" + i, "\"" + type + "\" is not an event type: use one of " + knownTypes()
                        + ", or \"*\" for all");
            }
            events.add(type);
        }
        problems.throwIfAny();
        List<String> stored = events.contains(EventType.ALL) ? List.of(EventType.ALL) : List.copyOf(events);
        String id = Ids.hex32();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            WebhookDao dao = h.attach(WebhookDao.class);
            if (dao.listEndpoints().size() >= MAX_ENDPOINTS) {
                throw new PaygoException(ErrorCode.CONFLICT, "at most " + MAX_ENDPOINTS + " webhook endpoints "
                        + "can be registered: delete one first");
            }
            dao.insertEndpoint(id, url, description, secret, now.toEpochMilli());
            dao.insertEndpointEvent(id, stored);
        });
        return new WebhookEndpoint(id, url, description, stored, Instant.ofEpochMilli(now.toEpochMilli()),
                Optional.of(secret));
    }

    /** Every endpoint, oldest first, without secrets. */
    public List<WebhookEndpoint> list() {
        return jdbi.withExtension(WebhookDao.class, dao -> {
            List<WebhookEndpoint> endpoints = new ArrayList<>();
            for (EndpointRow row : dao.listEndpoints()) {
                endpoints.add(endpoint(row, dao.listEndpointEvents(row.id())));
            }
            return endpoints;
        });
    }

    /** One endpoint, without its secret; 404 when there is none of that id. */
    public WebhookEndpoint get(String id) {
        return jdbi.withExtension(WebhookDao.class, dao -> dao.findEndpoint(id)
                .map(row -> endpoint(row, dao.listEndpointEvents(id))).orElseThrow(() -> notFound(id)));
    }

    /** Deletes an endpoint and cancels its pending deliveries; 404 when there is none of that id. */
    public void delete(String id) {
        jdbi.useTransaction(h -> {
            WebhookDao dao = h.attach(WebhookDao.class);
            if (dao.deleteEndpoint(id, clock.millis()) != 1) {
                throw notFound(id);
            }
            dao.cancelPending(id);
        });
    }

    /**
     * One page of the endpoint's deliveries, newest first, optionally of one status; 404 for an unknown endpoint,
     * 400 for an unknown status.
     */
    public Page<Delivery> deliveries(String endpointId, Optional<String> status, PageRequest page) {
        if (status.filter(s -> !STATUSES.contains(s)).isPresent()) {
            Problems problems = new Problems();
            problems.addQuery("status", "must be one of " + String.join(", ", new TreeSet<>(STATUSES)));
            problems.throwIfAny();
        }
        get(endpointId);
        String filter = status.orElse(null);
        return jdbi.withExtension(WebhookDao.class, dao -> Page.of(dao.listDeliveries(endpointId, filter,
                page.perPage(), page.offset()).stream().map(Delivery::of).toList(), page,
                dao.countDeliveries(endpointId, filter)));
    }

    /**
     * Sends a delivery again now, whatever its status, with a new retry window; 404 for an unknown endpoint or
     * delivery. While an attempt of it is under way, that attempt's outcome decides what happens next (delivered,
     * or retried with backoff).
     */
    public Delivery retry(String endpointId, String deliveryId) {
        get(endpointId);
        long now = clock.millis();
        return jdbi.withExtension(WebhookDao.class, dao -> {
            if (dao.retry(endpointId, deliveryId, now, now + settings.retryFor().toMillis()) != 1) {
                throw PaygoException.notFound("/webhooks/" + endpointId + "/deliveries/" + deliveryId);
            }
            return Delivery.of(dao.findDelivery(endpointId, deliveryId).orElseThrow());
        });
    }

    /** Deliveries waiting to be sent, across endpoints (a metric). */
    public long outboxDepth() {
        return jdbi.withExtension(WebhookDao.class, WebhookDao::countPending);
    }

    static String knownTypes() {
        return String.join(", ", Arrays.stream(EventType.values()).map(EventType::wire).toList());
    }

    private static WebhookEndpoint endpoint(EndpointRow row, List<String> events) {
        return new WebhookEndpoint(row.id(), row.url(), row.description(), events,
                Instant.ofEpochMilli(row.createdAtMs()), Optional.empty());
    }

    private static PaygoException notFound(String id) {
        return PaygoException.notFound("/webhooks/" + id);
    }
}
