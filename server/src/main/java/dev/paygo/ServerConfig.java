package dev.paygo;

import dev.paygo.invoice.BillingSettings;
import dev.paygo.notify.WebhookSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How a paygo server runs. Built from flags and {@code PAYGO_*} environment variables by the CLI; tests
 * build it directly.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param databaseUrl {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB}
 * @param operatorToken the operator credential from {@code PAYGO_OPERATOR_TOKEN}, if given
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param rateLimitPerSecond requests a second allowed per credential on average (0: no limit)
 * @param rateLimitBurst requests allowed at once per credential
 * @param poolSize database connections
 * @param catalogFile the price catalog (YAML or JSON); empty for the default (Cloudflare's public prices)
 * @param lateEventDays how many days back a usage event's timestamp may lie
 * @param maxBatchEvents the most usage events one request may carry; more get 413
 * @param maxInflightBodyBytes the most request body bytes held in memory at once, across all requests; a
 *     request that would pass it gets 503 with Retry-After (0: no bound)
 * @param authFailuresPerMinute failed authentications allowed per client address (and per email named) a
 *     minute, in bursts of as many; beyond, 429 (0: no limit)
 * @param billing billing runs: invoice grace, background interval, dunning schedule
 * @param webhooks webhook delivery: private addresses, timeout, retries
 * @param publicUrl the address people reach this server at (scheme, host and port, no path), for the links it
 *     hands out: an invoice's {@code hosted_invoice_url}. Empty: {@code http://localhost:<port>}
 */
public record ServerConfig(String host, int port, String databaseUrl, Optional<String> operatorToken,
                           long maxBodyBytes, double rateLimitPerSecond, double rateLimitBurst, int poolSize,
                           Clock clock, Optional<Path> catalogFile, int lateEventDays, int maxBatchEvents,
                           long maxInflightBodyBytes, int authFailuresPerMinute,
                           BillingSettings billing, WebhookSettings webhooks, Optional<String> publicUrl) {
    public static final int DEFAULT_PORT = 8787;
    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:./data/paygo.db";
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final double DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_LATE_EVENT_DAYS = 35;
    public static final int DEFAULT_MAX_BATCH_EVENTS = 10_000;
    public static final long DEFAULT_MAX_INFLIGHT_BODY_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;

    /** The defaults: all interfaces, port 8787, ./data/paygo.db, 10 MiB bodies, 100 requests/s. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, DEFAULT_DATABASE_URL, Optional.empty(),
                DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT, 2 * DEFAULT_RATE_LIMIT, 8, Clock.systemUTC(), Optional.empty(),
                DEFAULT_LATE_EVENT_DAYS, DEFAULT_MAX_BATCH_EVENTS, DEFAULT_MAX_INFLIGHT_BODY_BYTES,
                DEFAULT_AUTH_FAILURES_PER_MINUTE, BillingSettings.DEFAULT, WebhookSettings.DEFAULT, Optional.empty());
    }

    public ServerConfig withHost(String value) {
        Changed c = new Changed(this);
        c.host = value;
        return c.build();
    }

    public ServerConfig withPort(int value) {
        Changed c = new Changed(this);
        c.port = value;
        return c.build();
    }

    public ServerConfig withDatabaseUrl(String value) {
        Changed c = new Changed(this);
        c.databaseUrl = value;
        return c.build();
    }

    public ServerConfig withOperatorToken(Optional<String> value) {
        Changed c = new Changed(this);
        c.operatorToken = value;
        return c.build();
    }

    public ServerConfig withMaxBodyBytes(long value) {
        Changed c = new Changed(this);
        c.maxBodyBytes = value;
        return c.build();
    }

    public ServerConfig withClock(Clock value) {
        Changed c = new Changed(this);
        c.clock = value;
        return c.build();
    }

    public ServerConfig withCatalogFile(Optional<Path> value) {
        Changed c = new Changed(this);
        c.catalogFile = value;
        return c.build();
    }

    public ServerConfig withLateEventDays(int value) {
        Changed c = new Changed(this);
        c.lateEventDays = value;
        return c.build();
    }

    public ServerConfig withMaxBatchEvents(int value) {
        Changed c = new Changed(this);
        c.maxBatchEvents = value;
        return c.build();
    }

    public ServerConfig withMaxInflightBodyBytes(long value) {
        Changed c = new Changed(this);
        c.maxInflightBodyBytes = value;
        return c.build();
    }

    public ServerConfig withAuthFailuresPerMinute(int value) {
        Changed c = new Changed(this);
        c.authFailuresPerMinute = value;
        return c.build();
    }

    public ServerConfig withBilling(BillingSettings value) {
        Changed c = new Changed(this);
        c.billing = value;
        return c.build();
    }

    public ServerConfig withWebhooks(WebhookSettings value) {
        Changed c = new Changed(this);
        c.webhooks = value;
        return c.build();
    }

    public ServerConfig withPublicUrl(Optional<String> value) {
        Changed c = new Changed(this);
        c.publicUrl = value.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        return c.build();
    }

    /** Sets the rate limit; the burst is twice the rate. */
    public ServerConfig withRateLimit(double perSecond) {
        return withRateLimit(perSecond, 2 * perSecond);
    }

    public ServerConfig withRateLimit(double perSecond, double burst) {
        Changed c = new Changed(this);
        c.rateLimitPerSecond = perSecond;
        c.rateLimitBurst = burst;
        return c.build();
    }

    /** A copy of a config with some fields changed: the one place the record's constructor is repeated. */
    private static final class Changed {
        String host;
        int port;
        String databaseUrl;
        Optional<String> operatorToken;
        long maxBodyBytes;
        double rateLimitPerSecond;
        double rateLimitBurst;
        int poolSize;
        Clock clock;
        Optional<Path> catalogFile;
        int lateEventDays;
        int maxBatchEvents;
        long maxInflightBodyBytes;
        int authFailuresPerMinute;
        BillingSettings billing;
        WebhookSettings webhooks;
        Optional<String> publicUrl;

        Changed(ServerConfig c) {
            host = c.host;
            port = c.port;
            databaseUrl = c.databaseUrl;
            operatorToken = c.operatorToken;
            maxBodyBytes = c.maxBodyBytes;
            rateLimitPerSecond = c.rateLimitPerSecond;
            rateLimitBurst = c.rateLimitBurst;
            poolSize = c.poolSize;
            clock = c.clock;
            catalogFile = c.catalogFile;
            lateEventDays = c.lateEventDays;
            maxBatchEvents = c.maxBatchEvents;
            maxInflightBodyBytes = c.maxInflightBodyBytes;
            authFailuresPerMinute = c.authFailuresPerMinute;
            billing = c.billing;
            webhooks = c.webhooks;
            publicUrl = c.publicUrl;
        }

        ServerConfig build() {
            return new ServerConfig(host, port, databaseUrl, operatorToken, maxBodyBytes, rateLimitPerSecond,
                    rateLimitBurst, poolSize, clock, catalogFile, lateEventDays, maxBatchEvents, maxInflightBodyBytes,
                    authFailuresPerMinute, billing, webhooks, publicUrl);
        }
    }
}
