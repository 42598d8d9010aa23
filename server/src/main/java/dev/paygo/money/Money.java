package dev.paygo.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. Arithmetic refuses to mix currencies; nothing here goes through a binary
 * float. Amounts stay exact until they are rounded, once, at the edge: to the currency's minor unit
 * ({@link #toMinorUnit()}: 2 places for USD and EUR, 0 for JPY) on invoices and balances, or to
 * {@link #recordScale(Currency)} places on usage records. Rounding is half-even. Immutable.
 */
public record Money(BigDecimal amount, Currency currency) {
    /** Places a usage record's cost keeps beyond the currency's minor unit (USD: 2 + 4 = 6 places). */
    public static final int RECORD_EXTRA_PLACES = 4;
    private static final int MICROS_SCALE = 6;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** An amount given in the currency's minor unit (cents for USD, yen for JPY). */
    public static Money ofMinor(long minor, Currency currency) {
        return new Money(BigDecimal.valueOf(minor, minorUnitPlaces(currency)), currency);
    }

    public static Money ofMicros(long micros, String currencyCode) {
        return new Money(BigDecimal.valueOf(micros, MICROS_SCALE), Currency.getInstance(currencyCode));
    }

    /** Decimal places of the currency's minor unit (ISO 4217): 2 for USD, 0 for JPY, 3 for BHD. */
    public static int minorUnitPlaces(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** Decimal places of costs on usage records: the minor unit and {@value #RECORD_EXTRA_PLACES} more. */
    public static int recordScale(Currency currency) {
        return minorUnitPlaces(currency) + RECORD_EXTRA_PLACES;
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** This amount, rounded once to the minor unit, as a whole number of minor units. */
    public long minorUnits() {
        return toMinorUnit().amount.movePointRight(minorUnitPlaces(currency)).longValueExact();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** This amount rounded (half-even) to {@code scale} decimal places. */
    public Money rounded(int scale) {
        return new Money(amount.setScale(scale, RoundingMode.HALF_EVEN), currency);
    }

    /** Rounded to the currency's minor unit: how invoices and balances show money. */
    public Money toMinorUnit() {
        return rounded(minorUnitPlaces(currency));
    }

    /** Rounded to a usage record's scale. */
    public Money toRecordScale() {
        return rounded(recordScale(currency));
    }

    /** The amount as the decimal string Cloudflare returns, in the minor unit, e.g. {@code "12.30"}. */
    public String toWire() {
        return toMinorUnit().amount.toPlainString();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }
}
