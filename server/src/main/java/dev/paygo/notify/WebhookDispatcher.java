package dev.paygo.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries. A poller thread (woken at once when this node commits new deliveries, else every
 * quarter second) leases due deliveries in the database — so nodes sharing it never send one at the same time —
 * and hands each to a worker; a worker signs and POSTs it and records the outcome: a 2xx answer delivers it; any
 * other answer, a timeout or a refused address schedules a retry after an exponential backoff with jitter, or
 * marks it failed once its retry window has ended. At most {@value #PER_ENDPOINT} deliveries per endpoint are in
 * flight at once, out of {@value #WORKERS}, so one slow receiver never holds up the others. A node that dies
 * mid-attempt leaves its lease to expire; another node then sends the delivery again (at least once). Thread-safe.
 */
public final class WebhookDispatcher implements AutoCloseable {
    static final int WORKERS = 16;
    static final int PER_ENDPOINT = 4;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final int MAX_ERROR_LENGTH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final WebhookSettings settings;
    private final ReceiverAddresses addresses;
    private final HttpClient http;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "paygo-webhook-sender");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retrying = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Thread poller;
    private volatile boolean closed;

    public WebhookDispatcher(Jdbi jdbi, Clock clock, WebhookSettings settings, Outbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.addresses = new ReceiverAddresses(settings.allowPrivate());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.poller = new Thread(this::poll, "paygo-webhook-dispatcher");
        poller.setDaemon(true);
        outbox.onCommit(this::wake);
    }

    /** Starts the poller thread. */
    public WebhookDispatcher start() {
        poller.start();
        return this;
    }

    /** Attempts that delivered (a metric). */
    public long delivered() {
        return delivered.sum();
    }

    /** Attempts that failed and will be retried (a metric). */
    public long retrying() {
        return retrying.sum();
    }

    /** Deliveries given up on: their last attempt failed after their retry window (a metric). */
    public long failed() {
        return failed.sum();
    }

    private void wake() {
        LockSupport.unpark(poller);
    }

    private void poll() {
        while (!closed) {
            LockSupport.parkNanos(POLL.toNanos());
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                // The database may be briefly unreachable: the deliveries wait in it for the next poll.
                LOG.warn("webhook dispatch failed; trying again: {}", e.toString());
            }
        }
    }

    /**
     * Claims what is due, endpoint by endpoint (an indexed query each, at most as many rows as the endpoint has
     * free slots), until the workers are busy or nothing more is due.
     */
    private void dispatchDue() {
        boolean started = true;
        while (started && !closed && busy.get() < WORKERS) {
            started = false;
            long now = clock.millis();
            for (String endpointId : jdbi.withExtension(WebhookDao.class, WebhookDao::listEndpointIds)) {
                AtomicInteger sending = inFlight.computeIfAbsent(endpointId, id -> new AtomicInteger());
                int free = Math.min(PER_ENDPOINT - sending.get(), WORKERS - busy.get());
                if (free <= 0) {
                    continue;
                }
                for (DueRow row : jdbi.withExtension(WebhookDao.class, dao -> dao.listDue(endpointId, now, free))) {
                    long lease = now + settings.timeout().plus(LEASE_MARGIN).toMillis();
                    if (jdbi.withExtension(WebhookDao.class, dao -> dao.claim(row.id(), now, lease)) == 1) {
                        start(row, lease, sending);
                        started = true;
                    }  // else another node took it
                }
            }
        }
    }

    private void start(DueRow row, long lease, AtomicInteger sending) {
        sending.incrementAndGet();
        busy.incrementAndGet();
        workers.execute(() -> {
            try {
                attempt(row.id(), lease);
            } catch (RuntimeException e) {
                LOG.warn("webhook delivery {} could not be recorded; its lease expires and it is sent again: {}",
                        row.id(), e.toString());
            } finally {
                sending.decrementAndGet();
                busy.decrementAndGet();
                wake();
            }
        });
    }

    private void attempt(String deliveryId, long lease) {
        Optional<SendRow> found = jdbi.withExtension(WebhookDao.class, dao -> dao.findSend(deliveryId));
        if (found.isEmpty()) {
            return;
        }
        SendRow send = found.get();
        ReceiverAddresses.Checked checked = addresses.check(send.url());
        if (checked.uri().isEmpty()) {
            record(send, lease, 0, "not sent: the URL " + checked.refusal());
            return;
        }
        // The request's timeout bounds the wait for the answer's headers; the whole exchange, body included, gets
        // twice that, so a receiver that trickles an endless body cannot keep a worker.
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request(send, checked.uri().get()),
                HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = exchange.get(2 * settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            record(send, lease, response.statusCode(), null);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            record(send, lease, 0, "no answer within " + settings.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            record(send, lease, 0, e.getCause() instanceof HttpTimeoutException
                    ? "no answer within " + settings.timeout().toMillis() + " ms"
                    : "could not be sent: " + e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();  // shutting down: the lease expires and the delivery is sent again
        }
    }

    private HttpRequest request(SendRow send, URI uri) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "paygo-webhooks/1")
                .header("webhook-id", send.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(send.secret(), send.eventId(), timestamp,
                        send.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(send.payload(), StandardCharsets.UTF_8))
                .build();
    }

    private void record(SendRow send, long lease, int statusCode, String error) {
        long now = clock.millis();
        if (statusCode >= 200 && statusCode < 300) {
            if (jdbi.withExtension(WebhookDao.class, dao -> dao.markDelivered(send.id(), lease, now, statusCode)) == 1) {
                delivered.increment();
            }
            return;
        }
        String why = error != null ? error : "answered HTTP " + statusCode;
        long next = now + backoff(send.attempts() + 1).toMillis();
        Long nextAttemptAt = next <= send.retryUntilMs() ? next : null;
        Integer code = statusCode == 0 ? null : statusCode;
        String stored = why.length() > MAX_ERROR_LENGTH ? why.substring(0, MAX_ERROR_LENGTH) : why;
        if (jdbi.withExtension(WebhookDao.class, dao -> dao.markAttemptFailed(send.id(), lease, now, nextAttemptAt,
                code, stored)) != 1) {
            return;
        }
        if (nextAttemptAt == null) {
            failed.increment();
            LOG.warn("webhook delivery {} of {} to endpoint {} failed for good after {} attempts: {}", send.id(),
                    send.eventId(), send.endpointId(), send.attempts() + 1, why);
        } else {
            retrying.increment();
        }
    }

    /** The wait before attempt {@code failures + 1}: the first retry's delay doubled per failure, capped, jittered. */
    Duration backoff(int failures) {
        long base = settings.firstRetry().toMillis();
        long delay = failures >= 40 ? MAX_DELAY.toMillis()
                : Math.min(MAX_DELAY.toMillis(), base * (1L << Math.min(failures - 1, 30)));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    @Override
    public void close() {
        closed = true;
        wake();
        try {
            // The poller first, so it hands no claimed delivery to workers that no longer take work.
            poller.join(Duration.ofSeconds(5).toMillis());
            workers.shutdown();
            if (!workers.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
