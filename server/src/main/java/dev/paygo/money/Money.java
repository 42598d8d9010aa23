package dev.paygo.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of one currency. Stored as micro-units ({@code *_micros}); rounded once, at the edge, to
 * the currency's minor unit (cents for USD) with half-even rounding.
 */
public record Money(BigDecimal amount, Currency currency) {
    private static final int MICROS_SCALE = 6;

    public static Money ofMicros(long micros, String currencyCode) {
        return new Money(BigDecimal.valueOf(micros, MICROS_SCALE), Currency.getInstance(currencyCode));
    }

    /** The amount as the decimal string Cloudflare returns, e.g. {@code "12.30"}. */
    public String toWire() {
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        return amount.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
}
