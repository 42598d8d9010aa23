package dev.paygo.catalog;

/** Over what the included allowance is granted: each billing period, or each UTC day (Workers AI neurons). */
public enum AllowanceScope {
    BILLING_PERIOD, DAY;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
