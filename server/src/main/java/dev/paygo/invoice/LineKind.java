package dev.paygo.invoice;

import java.util.Locale;

/** What an invoice line bills: a service's usage, a plan fee, or a correction of an earlier period's usage. */
public enum LineKind {
    USAGE, SUBSCRIPTION, CORRECTION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LineKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
