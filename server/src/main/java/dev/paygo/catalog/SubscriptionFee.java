package dev.paygo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A recurring plan fee (Workers Paid, $5 a month): listed in the catalog, never a usage record. */
public record SubscriptionFee(String id, String name, BigDecimal price, String period, LocalDate effectiveFrom) {
}
