package dev.paygo.payment;

import java.util.Locale;

/** What became of a payment attempt. */
public enum Outcome {
    /** Pending: sent (or about to be) to the gateway, no answer recorded yet. */
    PENDING,
    SUCCEEDED,
    /** The card was declined. */
    DECLINED,
    INSUFFICIENT_FUNDS,
    /** There is no card on file to charge. */
    NO_PAYMENT_METHOD;

    /** True for an attempt that ended without the money. */
    public boolean isFailure() {
        return this == DECLINED || this == INSUFFICIENT_FUNDS || this == NO_PAYMENT_METHOD;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
