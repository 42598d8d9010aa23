package dev.paygo.catalog;

import dev.paygo.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A metric's prices from {@code effectiveFrom} on: the allowance (in pricing units) and its scope, the block
 * of pricing units a price applies to, how billable units are rounded to blocks, and graduated tiers.
 * Block sizes are powers of ten, so every cost is an exact decimal.
 */
public record PriceVersion(LocalDate effectiveFrom, BigDecimal included, AllowanceScope includedScope,
                           BigDecimal blockSize, Rounding blockRounding, List<Tier> tiers) {
    public PriceVersion {
        tiers = List.copyOf(tiers);
    }

    /**
     * The exact cost in {@code currency} of the first {@code pricingQuantity} pricing units of one allowance
     * scope: the units beyond the allowance, rounded to blocks as the version says, priced tier by tier. Never
     * decreases as the quantity grows.
     */
    public Money cost(BigDecimal pricingQuantity, Currency currency) {
        return new Money(exactCost(pricingQuantity, currency), currency);
    }

    /**
     * The price of one pricing unit at {@code pricingQuantity} units into the allowance scope (the unit price in
     * force for the last of them): 0 within the allowance, then the price per block of the tier those units have
     * reached, divided by the block size. Exact: block sizes are powers of ten.
     */
    public BigDecimal unitPriceAt(BigDecimal pricingQuantity, Currency currency) {
        BigDecimal billable = pricingQuantity.subtract(included);
        if (billable.signum() <= 0 || tiers.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Tier reached = tiers.get(tiers.size() - 1);
        for (Tier tier : tiers) {
            if (tier.upTo().isEmpty() || billable.compareTo(tier.upTo().get()) <= 0) {
                reached = tier;
                break;
            }
        }
        return reached.price(currency).divide(blockSize).stripTrailingZeros();
    }

    private BigDecimal exactCost(BigDecimal pricingQuantity, Currency currency) {
        BigDecimal billable = pricingQuantity.subtract(included).max(BigDecimal.ZERO);
        BigDecimal blocks = blockRounding.apply(billable.divide(blockSize));
        BigDecimal remaining = blocks.multiply(blockSize);
        BigDecimal lower = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            BigDecimal upper = tier.upTo().orElse(null);
            BigDecimal inTier = upper == null ? remaining : remaining.min(upper.subtract(lower));
            if (inTier.signum() <= 0) {
                break;
            }
            cost = cost.add(inTier.divide(blockSize).multiply(tier.price(currency)));
            remaining = remaining.subtract(inTier);
            if (upper == null) {
                break;
            }
            lower = upper;
        }
        return cost;
    }
}
