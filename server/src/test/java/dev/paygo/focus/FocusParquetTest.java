package dev.paygo.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Parquet's DECIMAL(38, 18) cells: 16-byte big-endian two's complement of the value at scale 18. */
class FocusParquetTest {

    private static BigDecimal read(byte[] cell) {
        return new BigDecimal(new BigInteger(cell), FocusColumns.DECIMAL_SCALE);
    }

    @Test
    void decimalsRoundTripExactlyIncludingNegativeAndLargeOnes() {
        for (String value : new String[] {"0", "1.5", "-1.5", "0.000000000000000001", "9223372036854775807.999999999999999999",
                "-0.000001"}) {
            byte[] cell = FocusParquet.decimal(new BigDecimal(value)).getBytes();
            assertThat(cell).hasSize(16);
            assertThat(read(cell)).isEqualByComparingTo(value);
        }
    }

    @Test
    void aUnitPriceFinerThan18PlacesIsRoundedNotRefused() {
        assertThat(read(FocusParquet.decimal(new BigDecimal("1E-22")).getBytes())).isZero();
        assertThat(read(FocusParquet.decimal(new BigDecimal("0.0000000000000000015")).getBytes()))
                .isEqualByComparingTo("0.000000000000000002");
    }
}
