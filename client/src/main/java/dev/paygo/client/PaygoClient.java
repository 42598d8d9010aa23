package dev.paygo.client;

import dev.paygo.client.core.ClientCore;
import dev.paygo.client.core.ClientOptions;
import dev.paygo.client.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The paygo Java SDK: Cloudflare's Billing API as paygo serves it, and paygo's own API (accounts, tokens,
 * usage ingestion, catalog). Pointed at {@code https://api.cloudflare.com/client/v4} it sends the requests
 * Cloudflare's SDKs send for the billing endpoints.
 *
 * <pre>{@code
 * try (PaygoClient client = PaygoClient.builder().baseUrl("http://localhost:8787/client/v4")
 *         .apiToken(System.getenv("PAYGO_TOKEN")).build()) {
 *     ProfileGetResponse profile = client.billing().profiles().get(
 *             ProfileGetParams.builder().accountId(accountId).build());
 * }
 * }</pre>
 *
 * Thread-safe and meant to be shared; {@link #close()} releases its threads.
 */
public final class PaygoClient implements AutoCloseable {
    /** Cloudflare's API base URL, the default. */
    public static final String CLOUDFLARE_BASE_URL = "https://api.cloudflare.com/client/v4";

    private final ClientCore core;
    private final ExecutorService asyncExecutor;
    private final BillingService billing;
    private final AccountsService accounts;
    private final TokensService tokens;
    private final CatalogService catalog;
    private final WebhooksService webhooks;
    private final OrganizationsService organizations;
    private final PaygoClientAsync async;

    private PaygoClient(ClientOptions options) {
        this.core = new ClientCore(options);
        this.asyncExecutor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "paygo-client-async");
            thread.setDaemon(true);
            return thread;
        });
        this.billing = new BillingService(core);
        this.accounts = new AccountsService(core);
        this.tokens = new TokensService(core);
        this.catalog = new CatalogService(core);
        this.webhooks = new WebhooksService(core);
        this.organizations = new OrganizationsService(core);
        this.async = new PaygoClientAsync(this, asyncExecutor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment, as Cloudflare's SDKs are: {@code CLOUDFLARE_BASE_URL},
     * {@code CLOUDFLARE_API_TOKEN}, or {@code CLOUDFLARE_EMAIL} with {@code CLOUDFLARE_API_KEY}.
     */
    public static PaygoClient fromEnv() {
        return builder().fromEnv(System.getenv()).build();
    }

    public BillingService billing() {
        return billing;
    }

    public AccountsService accounts() {
        return accounts;
    }

    public TokensService tokens() {
        return tokens;
    }

    public CatalogService catalog() {
        return catalog;
    }

    /** The operator's webhook endpoints and their deliveries; {@link Webhooks#verify} checks one received. */
    public WebhooksService webhooks() {
        return webhooks;
    }

    /** The same API, each call returning a {@link java.util.concurrent.CompletableFuture}. */
    /** Organizations: their members, tokens and FOCUS records (the operator's, or an organization's token). */
    public OrganizationsService organizations() {
        return organizations;
    }

    public PaygoClientAsync async() {
        return async;
    }

    public ClientOptions options() {
        return core.options();
    }

    @Override
    public void close() {
        asyncExecutor.shutdown();
        core.close();
    }

    /** Builds a {@link PaygoClient}; not thread-safe. */
    public static final class Builder {
        private String baseUrl = CLOUDFLARE_BASE_URL;
        private String apiToken;
        private String apiEmail;
        private String apiKey;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Sleeper sleeper = Sleeper.REAL;
        private Clock clock = Clock.systemUTC();

        /** Reads {@code CLOUDFLARE_BASE_URL}, {@code CLOUDFLARE_API_TOKEN}, {@code CLOUDFLARE_EMAIL}, {@code CLOUDFLARE_API_KEY}. */
        public Builder fromEnv(Map<String, String> env) {
            Optional.ofNullable(env.get("CLOUDFLARE_BASE_URL")).filter(v -> !v.isBlank()).ifPresent(this::baseUrl);
            Optional.ofNullable(env.get("CLOUDFLARE_API_TOKEN")).filter(v -> !v.isBlank()).ifPresent(this::apiToken);
            Optional.ofNullable(env.get("CLOUDFLARE_EMAIL")).filter(v -> !v.isBlank()).ifPresent(this::apiEmail);
            Optional.ofNullable(env.get("CLOUDFLARE_API_KEY")).filter(v -> !v.isBlank()).ifPresent(this::apiKey);
            return this;
        }

        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        /** An API token, sent as {@code Authorization: Bearer}. */
        public Builder apiToken(String value) {
            apiToken = value;
            return this;
        }

        /** A user's email, sent with the global API key as {@code X-Auth-Email}. */
        public Builder apiEmail(String value) {
            apiEmail = value;
            return this;
        }

        /** A user's global API key, sent as {@code X-Auth-Key}. */
        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        /** The timeout of one attempt (connect and answer); default 60 seconds. */
        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        /** Retries after a failed attempt (408, 409, 429, 5xx, connection errors); default 2. */
        public Builder maxRetries(int value) {
            maxRetries = value;
            return this;
        }

        /** A header sent with every request. */
        public Builder putHeader(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** How to wait between retries (tests replace it). */
        public Builder sleeper(Sleeper value) {
            sleeper = value;
            return this;
        }

        /** The clock that dates in {@code Retry-After} are read against. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public PaygoClient build() {
            if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
                throw new IllegalStateException("PaygoClient: baseUrl must be an http(s) URL, not " + baseUrl);
            }
            if (maxRetries < 0) {
                throw new IllegalStateException("PaygoClient: maxRetries must be 0 or more");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalStateException("PaygoClient: timeout must be positive");
            }
            if ((apiEmail == null) != (apiKey == null)) {
                throw new IllegalStateException("PaygoClient: apiEmail and apiKey go together");
            }
            return new PaygoClient(new ClientOptions(baseUrl, Optional.ofNullable(apiToken),
                    Optional.ofNullable(apiEmail), Optional.ofNullable(apiKey), timeout, maxRetries, headers,
                    sleeper, clock));
        }
    }
}
