package dev.paygo.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One graduated tier: billable pricing units up to {@code upTo} (exclusive of the tiers below it; open-ended
 * when empty) cost {@code price} per block.
 */
public record Tier(Optional<BigDecimal> upTo, BigDecimal price) {
}
