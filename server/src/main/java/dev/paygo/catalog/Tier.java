package dev.paygo.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * One graduated tier: billable pricing units up to {@code upTo} (exclusive of the tiers below it; open-ended
 * when empty, which only the last tier is) cost a price per block, one price for each currency the catalog
 * prices in.
 */
public record Tier(Optional<BigDecimal> upTo, Map<Currency, BigDecimal> prices) {
    public Tier {
        prices = Map.copyOf(prices);
    }

    /** The price per block in {@code currency}; the catalog loader ensures every tier has each of its currencies. */
    public BigDecimal price(Currency currency) {
        BigDecimal price = prices.get(currency);
        if (price == null) {
            throw new IllegalArgumentException("the catalog has no " + currency + " price for this tier");
        }
        return price;
    }
}
