package dev.paygo.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How a quantity is brought to a whole number of units. */
public enum Rounding {
    /** No rounding: the quantity is used as it is (proportional pricing). */
    EXACT,
    /** Up to the next whole unit (R2: 1.1 GB-month bills as 2). */
    UP,
    /** Down to the whole unit below. */
    DOWN,
    /** To the nearest whole unit, halves up (Browser Run: nearest whole hour). */
    NEAREST;

    /** {@code value} as a whole number, or unchanged for {@link #EXACT}. */
    public BigDecimal apply(BigDecimal value) {
        return switch (this) {
            case EXACT -> value;
            case UP -> value.setScale(0, RoundingMode.CEILING);
            case DOWN -> value.setScale(0, RoundingMode.FLOOR);
            case NEAREST -> value.setScale(0, RoundingMode.HALF_UP);
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
