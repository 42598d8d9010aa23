package dev.paygo.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DepletionForecastTest {
    private static final LocalDate START = LocalDate.parse("2026-11-01");
    private static final LocalDate LAST = LocalDate.parse("2026-12-31");

    private static LocalDate project(String balance, String today, String cost) {
        return DepletionForecast.project(new BigDecimal(balance), LAST, START, LocalDate.parse(today),
                new BigDecimal(cost)).orElseThrow();
    }

    @Test
    void balanceLastsWhatTheBurnRateAllowsCountedFromThePeriodStart() {
        // $7.50 over 10 days: $0.75 a day; $12.00 lasts exactly 16 days.
        assertThat(project("12.00", "2026-11-10", "7.50")).isEqualTo("2026-11-16");
        // $3.00 over 2 days: $1.50 a day; $10.00 lasts 6.67 days: it runs out on the 7th day.
        assertThat(project("10.00", "2026-11-02", "3.000000")).isEqualTo("2026-11-07");
        // Exact with non-terminating rates: $1 over 3 days, $0.01 left: ceil(0.03) = day 1, but never before today.
        assertThat(project("0.01", "2026-11-03", "1")).isEqualTo("2026-11-03");
    }

    @Test
    void creditThatOutlastsItsGrantsEndsWithThem() {
        assertThat(project("1000.00", "2026-11-10", "7.50")).isEqualTo(LAST);
        assertThat(project("5.00", "2026-11-10", "0")).as("no spend yet").isEqualTo(LAST);
    }

    @Test
    void nothingLeftProjectsNothing() {
        assertThat(DepletionForecast.project(BigDecimal.ZERO, LAST, START, LocalDate.parse("2026-11-10"),
                BigDecimal.ONE)).isEmpty();
    }

    @Test
    void lastDayInForceIsTheDayBeforeAMidnightEnd() {
        assertThat(DepletionForecast.lastDayBefore(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("2026-12-31");
        assertThat(DepletionForecast.lastDayBefore(Instant.parse("2027-01-01T12:00:00Z"))).isEqualTo("2027-01-01");
    }
}
