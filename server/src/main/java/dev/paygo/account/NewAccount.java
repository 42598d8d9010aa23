package dev.paygo.account;

import java.time.Instant;
import java.util.Optional;

/** What it takes to open an account; the anchor defaults to the creation time. */
public record NewAccount(String name, String billingCurrency, Optional<Instant> billingCycleAnchor) {
}
