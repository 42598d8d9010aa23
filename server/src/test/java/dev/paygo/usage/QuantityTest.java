package dev.paygo.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class QuantityTest {
    @Property(tries = 1000)
    void unitsAndAttoUnitsHoldAQuantityExactly(
            @ForAll @BigRange(min = "0", max = "999999999999") @Scale(6) BigDecimal value) {
        assertThat(Quantity.problem(value)).isEmpty();
        assertThat(Quantity.of(Quantity.units(value), Quantity.atto(value))).isEqualByComparingTo(value);
    }

    @Test
    void wholeNumbersAndTheLimits() {
        assertThat(Quantity.units(new BigDecimal("1500"))).isEqualTo(1500);
        assertThat(Quantity.atto(new BigDecimal("1500"))).isZero();
        assertThat(Quantity.atto(new BigDecimal("0.000000000000000001"))).isEqualTo(1);
        assertThat(Quantity.problem(new BigDecimal("999999999999999999"))).isEmpty();
        assertThat(Quantity.problem(new BigDecimal("1000000000000000000"))).hasValueSatisfying(m -> assertThat(m).contains("must be below 10^18"));
        assertThat(Quantity.problem(new BigDecimal("1E+3"))).isEmpty();
        assertThat(Quantity.problem(new BigDecimal("-1"))).hasValueSatisfying(m -> assertThat(m).contains("must be 0 or more"));
        assertThat(Quantity.problem(new BigDecimal("1.2345678901234567890"))).hasValueSatisfying(m -> assertThat(m).contains("significant digits"));
        assertThat(Quantity.problem(new BigDecimal("0.0000000000000000001"))).hasValueSatisfying(m -> assertThat(m).contains("decimal places"));
    }
}
