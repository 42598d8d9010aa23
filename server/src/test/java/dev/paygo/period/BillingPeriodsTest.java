package dev.paygo.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BillingPeriodsTest {
    private static BillingPeriod period(String anchor, String day) {
        return new BillingPeriods(Instant.parse(anchor)).containing(LocalDate.parse(day));
    }

    @Test
    void periodRunsFromTheAnchorDayToTheSameDayNextMonth() {
        assertThat(period("2025-01-15T00:00:00Z", "2025-02-20"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-02-15"), LocalDate.parse("2025-03-15")));
    }

    @Test
    void dayBeforeTheAnchorDayBelongsToThePreviousPeriod() {
        assertThat(period("2025-01-15T00:00:00Z", "2025-02-14"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-01-15"), LocalDate.parse("2025-02-15")));
    }

    @Test
    void anchorOnThe31stClampsToTheEndOfShortMonthsAndReturns() {
        assertThat(period("2024-01-31T00:00:00Z", "2025-02-10"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-28")));
        assertThat(period("2024-01-31T00:00:00Z", "2025-02-28"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-02-28"), LocalDate.parse("2025-03-31")));
        assertThat(period("2024-01-31T00:00:00Z", "2025-04-30"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-04-30"), LocalDate.parse("2025-05-31")));
    }

    @Test
    void leapYearFebruaryEndsOnThe29th() {
        assertThat(period("2023-03-30T00:00:00Z", "2024-02-29"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2024-02-29"), LocalDate.parse("2024-03-30")));
        assertThat(period("2024-02-29T00:00:00Z", "2025-02-28"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-02-28"), LocalDate.parse("2025-03-29")));
    }

    @Test
    void onlyTheAnchorsUtcDateCounts() {
        assertThat(period("2025-01-15T23:59:59Z", "2025-02-15"))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-02-15"), LocalDate.parse("2025-03-15")));
    }

    @Test
    void periodStartingInAMonthCrossesTheYear() {
        assertThat(new BillingPeriods(Instant.parse("2025-01-20T00:00:00Z")).startingIn(YearMonth.of(2025, 12)))
                .isEqualTo(new BillingPeriod(LocalDate.parse("2025-12-20"), LocalDate.parse("2026-01-20")));
    }

    @Test
    void consecutivePeriodsTileTheCalendarWithoutGaps() {
        BillingPeriods periods = new BillingPeriods(Instant.parse("2024-01-31T00:00:00Z"));
        LocalDate day = LocalDate.parse("2024-01-31");
        BillingPeriod current = periods.containing(day);
        for (int i = 0; i < 800; i++) {
            BillingPeriod p = periods.containing(day);
            assertThat(p.contains(day)).isTrue();
            if (!p.equals(current)) {
                assertThat(p.start()).isEqualTo(current.end());
                current = p;
            }
            day = day.plusDays(1);
        }
    }
}
