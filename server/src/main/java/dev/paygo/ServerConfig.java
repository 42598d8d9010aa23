package dev.paygo;

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
 */
public record ServerConfig(String host, int port, String databaseUrl, Optional<String> operatorToken,
                           long maxBodyBytes, double rateLimitPerSecond, double rateLimitBurst, int poolSize,
                           Clock clock, Optional<Path> catalogFile, int lateEventDays, int maxBatchEvents) {
    public static final int DEFAULT_PORT = 8787;
    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:./data/paygo.db";
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final double DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_LATE_EVENT_DAYS = 35;
    public static final int DEFAULT_MAX_BATCH_EVENTS = 10_000;

    /** The defaults: all interfaces, port 8787, ./data/paygo.db, 10 MiB bodies, 100 requests/s. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, DEFAULT_DATABASE_URL, Optional.empty(),
                DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT, 2 * DEFAULT_RATE_LIMIT, 8, Clock.systemUTC(), Optional.empty(),
                DEFAULT_LATE_EVENT_DAYS, DEFAULT_MAX_BATCH_EVENTS);
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, databaseUrl, operatorToken, maxBodyBytes, rateLimitPerSecond,
                rateLimitBurst, poolSize, clock, catalogFile, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, databaseUrl, operatorToken, maxBodyBytes, rateLimitPerSecond,
                rateLimitBurst, poolSize, clock, catalogFile, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withDatabaseUrl(String value) {
        return new ServerConfig(host, port, value, operatorToken, maxBodyBytes, rateLimitPerSecond, rateLimitBurst,
                poolSize, clock, catalogFile, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withOperatorToken(Optional<String> value) {
        return new ServerConfig(host, port, databaseUrl, value, maxBodyBytes, rateLimitPerSecond, rateLimitBurst,
                poolSize, clock, catalogFile, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withMaxBodyBytes(long value) {
        return new ServerConfig(host, port, databaseUrl, operatorToken, value, rateLimitPerSecond, rateLimitBurst,
                poolSize, clock, catalogFile, lateEventDays, maxBatchEvents);
    }

    /** Sets the rate limit; the burst is twice the rate. */
    public ServerConfig withRateLimit(double perSecond) {
        return new ServerConfig(host, port, databaseUrl, operatorToken, maxBodyBytes, perSecond, 2 * perSecond,
                poolSize, clock, catalogFile, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withRateLimit(double perSecond, double burst) {
        return new ServerConfig(host, port, databaseUrl, operatorToken, maxBodyBytes, perSecond, burst, poolSize,
                clock, catalogFile, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withClock(Clock value) {
        return new ServerConfig(host, port, databaseUrl, operatorToken, maxBodyBytes, rateLimitPerSecond,
                rateLimitBurst, poolSize, value, catalogFile, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withCatalogFile(Optional<Path> value) {
        return new ServerConfig(host, port, databaseUrl, operatorToken, maxBodyBytes, rateLimitPerSecond,
                rateLimitBurst, poolSize, clock, value, lateEventDays, maxBatchEvents);
    }

    public ServerConfig withLateEventDays(int value) {
        return new ServerConfig(host, port, databaseUrl, operatorToken, maxBodyBytes, rateLimitPerSecond,
                rateLimitBurst, poolSize, clock, catalogFile, value, maxBatchEvents);
    }

    public ServerConfig withMaxBatchEvents(int value) {
        return new ServerConfig(host, port, databaseUrl, operatorToken, maxBodyBytes, rateLimitPerSecond,
                rateLimitBurst, poolSize, clock, catalogFile, lateEventDays, value);
    }
}
