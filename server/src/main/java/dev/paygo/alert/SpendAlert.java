package dev.paygo.alert;

import dev.paygo.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * "The current period's cost passes {@code amount}": fires once per billing period, when the period's usage cost
 * reaches the amount.
 *
 * @param firedAt when it fired in the current period, if it has
 * @param lastFiredAt when it last fired in any period
 */
public record SpendAlert(String id, String accountId, Money amount, Instant createdAt, Optional<Instant> firedAt,
                         Optional<Instant> lastFiredAt) {
}
