package dev.paygo.client.errors;

/** A webhook that is not genuine: a header missing, a timestamp too far from now, or no signature matching. */
public final class WebhookVerificationException extends PaygoException {
    public WebhookVerificationException(String message) {
        super(message);
    }
}
