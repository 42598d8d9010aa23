package dev.paygo.client.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a client is configured with. Built by {@code PaygoClient.Builder}.
 *
 * @param baseUrl e.g. {@code http://localhost:8787/client/v4} or {@code https://api.cloudflare.com/client/v4}
 * @param maxRetries retries after the first attempt (on connection errors, 408, 429 and 5xx; see ClientCore)
 */
public record ClientOptions(String baseUrl, Optional<String> apiToken, Optional<String> apiEmail,
                            Optional<String> apiKey, Duration timeout, int maxRetries, Map<String, String> headers,
                            Sleeper sleeper, Clock clock) {
    public ClientOptions {
        headers = Map.copyOf(headers);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
