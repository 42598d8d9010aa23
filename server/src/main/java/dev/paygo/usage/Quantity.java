package dev.paygo.usage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An exact usage quantity and its storage form: whole units and atto-units (10^-18), two BIGINT columns
 * that SQLite and PostgreSQL both add exactly in SQL. A quantity is at least 0, below 10^18, with at most 18
 * significant digits and 18 decimal places. This is the one place quantities meet their columns.
 */
public final class Quantity {
    public static final int MAX_SIGNIFICANT_DIGITS = 18;
    public static final int MAX_SCALE = 18;
    /** Atto-units in one unit (10^18); also the limit of a quantity. */
    static final long ATTO_PER_UNIT = 1_000_000_000_000_000_000L;
    static final BigDecimal LIMIT = BigDecimal.valueOf(ATTO_PER_UNIT);

    private Quantity() {
    }

    /** Why {@code value} cannot be a quantity, or empty when it can. */
    public static Optional<String> problem(BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.of("must be 0 or more");
        }
        if (value.scale() == 0 && value.compareTo(LIMIT) < 0) {
            return Optional.empty();  // the common case, a whole number: no digits to count
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_SIGNIFICANT_DIGITS) {
            return Optional.of("must have at most " + MAX_SIGNIFICANT_DIGITS + " significant digits");
        }
        if (stripped.scale() > MAX_SCALE) {
            return Optional.of("must have at most " + MAX_SCALE + " decimal places");
        }
        if (value.compareTo(LIMIT) >= 0) {
            return Optional.of("must be below 10^18");
        }
        return Optional.empty();
    }

    /** The whole units of a valid quantity. */
    public static long units(BigDecimal value) {
        return value.scale() <= 0 ? value.longValueExact() : value.toBigInteger().longValueExact();
    }

    /** The fraction of a valid quantity in atto-units (0 to 10^18 - 1). */
    public static long atto(BigDecimal value) {
        if (value.scale() <= 0) {
            return 0;
        }
        return value.subtract(new BigDecimal(value.toBigInteger())).movePointRight(MAX_SCALE).longValueExact();
    }

    /** The exact quantity of stored units and atto-units, without trailing zeros. */
    public static BigDecimal of(long units, long atto) {
        BigDecimal value = new BigDecimal(BigInteger.valueOf(units)).add(BigDecimal.valueOf(atto, MAX_SCALE));
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
