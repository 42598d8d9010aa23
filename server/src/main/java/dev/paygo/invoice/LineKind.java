package dev.paygo.invoice;

import java.util.Locale;

/**
 * What an invoice line bills: a service's usage, a plan fee, a correction of an earlier period's usage, or credit
 * applied (a negative amount).
 */
public enum LineKind {
    USAGE, SUBSCRIPTION, CORRECTION, CREDIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LineKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
