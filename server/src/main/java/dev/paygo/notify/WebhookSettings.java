package dev.paygo.notify;

import java.time.Duration;

/**
 * How webhooks are delivered.
 *
 * @param allowPrivate accept endpoint URLs on loopback, private and link-local addresses (off by default: a
 *     webhook must not become a way into the operator's network; tests and single-host setups turn it on)
 * @param timeout how long one delivery attempt may take, connecting included
 * @param firstRetry the delay before the first retry; each later one doubles, up to an hour, with jitter
 * @param retryFor how long a delivery is retried after it was first due; then it is marked failed
 */
public record WebhookSettings(boolean allowPrivate, Duration timeout, Duration firstRetry, Duration retryFor) {
    public static final WebhookSettings DEFAULT = new WebhookSettings(false, Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofHours(24));

    public WebhookSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive: " + timeout);
        }
        if (firstRetry.isNegative() || firstRetry.isZero()) {
            throw new IllegalArgumentException("the first webhook retry must be after a positive delay: " + firstRetry);
        }
        if (retryFor.isNegative()) {
            throw new IllegalArgumentException("the webhook retry window cannot be negative: " + retryFor);
        }
    }

    public WebhookSettings withAllowPrivate(boolean value) {
        return new WebhookSettings(value, timeout, firstRetry, retryFor);
    }

    public WebhookSettings withTimeout(Duration value) {
        return new WebhookSettings(allowPrivate, value, firstRetry, retryFor);
    }

    public WebhookSettings withFirstRetry(Duration value) {
        return new WebhookSettings(allowPrivate, timeout, value, retryFor);
    }

    public WebhookSettings withRetryFor(Duration value) {
        return new WebhookSettings(allowPrivate, timeout, firstRetry, value);
    }
}
