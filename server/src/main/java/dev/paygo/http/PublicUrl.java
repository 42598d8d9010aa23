package dev.paygo.http;

import java.util.Optional;

/**
 * The address people reach this server at, for the links it hands out (an invoice's {@code hosted_invoice_url}):
 * the configured public URL, or {@code http://localhost:<port>} once the server listens. Thread-safe.
 */
public final class PublicUrl {
    private final Optional<String> configured;
    private volatile String listening = "http://localhost";

    /** @param configured scheme, host and port without a trailing slash, e.g. {@code https://billing.example.com} */
    public PublicUrl(Optional<String> configured) {
        this.configured = configured;
    }

    /** Records the port the server listens on (used when no public URL is configured). */
    public void listeningOn(int port) {
        listening = "http://localhost:" + port;
    }

    /** The absolute URL of {@code path} (which starts with a slash). */
    public String of(String path) {
        return configured.orElse(listening) + path;
    }
}
