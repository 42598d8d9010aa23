package dev.paygo.payment;

/**
 * A gateway's permission to save a payment method, as {@code billing.profiles.paymentMethod.create} returns it.
 * The client secret is shown once; paygo keeps only its hash.
 */
public record SetupIntent(String clientSecret, String intentType) {
}
