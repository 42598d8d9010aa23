package dev.paygo.console;

import dev.paygo.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * How the console writes numbers and dates. Money is rounded once, half-even, to the currency's minor unit: the
 * rounding of {@link Money#toWire()}, so a page shows the API's amount to the cent. Dates are UTC.
 */
public final class Fmt {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** {@code $1,234.56}, {@code €12.00}, {@code ¥1,235}: the currency's symbol, grouped, at its minor unit. */
    public static String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(money.currency());
        int places = Money.minorUnitPlaces(money.currency());
        format.setMinimumFractionDigits(places);
        format.setMaximumFractionDigits(places);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(money.toMinorUnit().amount());
    }

    /**
     * A unit price, exact: at least the currency's minor unit, and every further decimal it has
     * ({@code $0.00002}, {@code $0.30}).
     */
    public static String price(BigDecimal amount, Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        int places = Math.max(Money.minorUnitPlaces(currency), amount.stripTrailingZeros().scale());
        format.setMinimumFractionDigits(Money.minorUnitPlaces(currency));
        format.setMaximumFractionDigits(places);
        return format.format(amount);
    }

    /** A quantity, grouped, with at most six decimals ({@code 13,000,000}, {@code 1.5}). */
    public static String quantity(BigDecimal quantity) {
        DecimalFormat format = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(quantity);
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static String shortDay(LocalDate day) {
        return SHORT_DAY.format(day);
    }

    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** A billing period {@code [start, end)} as the days it covers: {@code 15 Oct 2026 – 14 Nov 2026}. */
    public static String period(LocalDate start, LocalDate endExclusive) {
        return day(start) + " – " + day(endExclusive.minusDays(1));
    }
}
