package dev.paygo.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The largest remainder split that cost allocation uses: exact sums, fair parts. */
class LargestRemainderTest {

    @Property(tries = 500)
    void partsAddUpExactlyAndEachIsWithinOneStepOfItsExactShare(
            @ForAll @Scale(6) @BigRange(min = "-1000000", max = "1000000") BigDecimal amount,
            @ForAll @Size(min = 1, max = 12) List<@Scale(3) @BigRange(min = "0", max = "100000") BigDecimal> weights,
            @ForAll @IntRange(min = 6, max = 18) int scale) {
        List<BigDecimal> parts = LargestRemainder.split(amount, weights, scale);
        assertThat(parts).hasSize(weights.size());
        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i).scale()).isEqualTo(scale);
            if (total.signum() > 0) {
                BigDecimal exact = amount.multiply(weights.get(i)).divide(total, MathContext.DECIMAL128);
                assertThat(parts.get(i).subtract(exact).abs()).isLessThan(step);
            }
        }
    }

    @Test
    void theLargestRemaindersTakeTheStepsLeftAndTiesGoToTheEarlierPart() {
        assertThat(LargestRemainder.split(new BigDecimal("1.00"), List.of(BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE), 2)).containsExactly(new BigDecimal("0.34"), new BigDecimal("0.33"),
                new BigDecimal("0.33"));
        assertThat(LargestRemainder.split(new BigDecimal("-0.05"), List.of(new BigDecimal("1"), new BigDecimal("3")), 2))
                .containsExactly(new BigDecimal("-0.01"), new BigDecimal("-0.04"));
        assertThat(LargestRemainder.split(new BigDecimal("0.07"), List.of(BigDecimal.ZERO, BigDecimal.ZERO), 2))
                .as("no weight: the first part takes everything")
                .containsExactly(new BigDecimal("0.07"), new BigDecimal("0.00"));
    }
}
