package dev.paygo.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
    @Property(tries = 2000)
    void agreesWithJavaTimeOnEveryUtcInstant(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long seconds,
                                             @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String text = instant.toString();
        assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @Test
    void offsetsAndFractionsAreRead() {
        assertThat(Rfc3339.parse("2025-01-31T00:00:00+01:00")).isEqualTo(Instant.parse("2025-01-30T23:00:00Z"));
        assertThat(Rfc3339.parse("2025-02-01T12:00:00.5Z")).isEqualTo(Instant.parse("2025-02-01T12:00:00.500Z"));
    }

    @Test
    void aLeapSecondCountsAsTheLastSecondOfItsDay() {
        assertThat(Rfc3339.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
        assertThat(Rfc3339.parse("2016-12-31T23:59:60.25Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59.250Z"));
        assertThat(Rfc3339.parse("2017-01-01T00:59:60+01:00")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
    }

    @Test
    void fractionsLongerThanNanosecondsAreRead() {
        assertThat(Rfc3339.parse("2025-02-01T12:00:00.123456789012Z"))
                .isEqualTo(Instant.parse("2025-02-01T12:00:00.123456789Z"));
        assertThat(Rfc3339.parse("2025-02-01T12:00:00.1234567890123456789+00:00"))
                .isEqualTo(Instant.parse("2025-02-01T12:00:00.123456789Z"));
    }

    @Test
    void incompleteImpossibleAndForeignFormsAreRefused() {
        for (String bad : new String[] {"2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T24:00:00Z",
                "2025-01-01T00:60:00Z", "2025-01-01T00:00:00.Z", "2025-0a-01T00:00:00Z", "yesterday",
                "2025-02-01T12:00Z", "2025-02-01T12:00:00+01", "2025-02-01T12:00:00", "2025-02-01",
                "2025-06-15T12:00:60Z", "+999999999-12-31T00:00:00Z", "２０２５-02-01T12:00:00Z",
                "2025-02-01T12:00:00.1" + "0".repeat(60) + "Z"}) {
            assertThatThrownBy(() -> Rfc3339.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
