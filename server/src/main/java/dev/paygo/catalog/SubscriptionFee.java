package dev.paygo.catalog;

import dev.paygo.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

/** A recurring plan fee (Workers Paid, $5 a month): listed in the catalog, never a usage record. */
public record SubscriptionFee(String id, String name, Map<Currency, BigDecimal> prices, String period,
                              LocalDate effectiveFrom) {
    public SubscriptionFee {
        prices = Map.copyOf(prices);
    }

    /** The fee in {@code currency}. */
    public Money price(Currency currency) {
        BigDecimal price = prices.get(currency);
        if (price == null) {
            throw new IllegalArgumentException("the catalog has no " + currency + " price for " + id);
        }
        return new Money(price, currency);
    }
}
