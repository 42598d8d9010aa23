package dev.paygo.account;

import java.time.Instant;

/**
 * A billed account. Billing periods are monthly from the UTC day of {@code billingCycleAnchor}.
 *
 * @param billingCurrency ISO 4217 code, such as {@code USD}
 */
public record Account(String id, String name, String billingCurrency, Instant billingCycleAnchor,
                      Instant createdOn) {
}
