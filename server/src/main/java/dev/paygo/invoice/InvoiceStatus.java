package dev.paygo.invoice;

import java.util.Locale;

/**
 * Where an invoice stands. It is issued {@code open} (or {@code paid} at once when nothing is due); a failed
 * payment makes it {@code past_due} while retries remain, then {@code uncollectible} (bad debt); a payment in
 * full makes it {@code paid} from any of these; the operator may {@code void} an unpaid one. Only the payment
 * state moves: an issued invoice's lines and total never change.
 */
public enum InvoiceStatus {
    OPEN, PAID, PAST_DUE, UNCOLLECTIBLE, VOID;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** True while money is owed on it. */
    public boolean isUnpaid() {
        return this == OPEN || this == PAST_DUE || this == UNCOLLECTIBLE;
    }
}
