package dev.paygo.notify;

import java.util.Arrays;
import java.util.Optional;

/** The events paygo tells webhook endpoints of; {@link #wire()} is the name in payloads and subscriptions. */
public enum EventType {
    INVOICE_FINALIZED("invoice.finalized"),
    INVOICE_PAID("invoice.paid"),
    INVOICE_PAYMENT_FAILED("invoice.payment_failed"),
    INVOICE_UNCOLLECTIBLE("invoice.uncollectible"),
    INVOICE_VOIDED("invoice.voided"),
    CREDIT_LOW("credit.low"),
    CREDIT_EXPIRED("credit.expired"),
    SPEND_THRESHOLD_REACHED("spend.threshold_reached");

    /** Subscribes an endpoint to every event type, also those added later. */
    public static final String ALL = "*";

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}
