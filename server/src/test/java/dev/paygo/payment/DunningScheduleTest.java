package dev.paygo.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DunningScheduleTest {
    private static final Instant FIRST = Instant.parse("2026-11-01T01:00:00Z");

    @Test
    void retriesCountFromTheFirstFailureAndEndAfterTheLast() {
        DunningSchedule schedule = DunningSchedule.parse("P1D, P3D,P5D");
        assertThat(schedule.nextAttempt(FIRST, 1)).contains(FIRST.plus(Duration.ofDays(1)));
        assertThat(schedule.nextAttempt(FIRST, 2)).contains(FIRST.plus(Duration.ofDays(3)));
        assertThat(schedule.nextAttempt(FIRST, 3)).contains(FIRST.plus(Duration.ofDays(5)));
        assertThat(schedule.nextAttempt(FIRST, 4)).isEmpty();
        assertThat(schedule).hasToString("PT24H,PT72H,PT120H");
    }

    @Test
    void zeroMeansTheNextRunAndAnEmptyScheduleNeverRetries() {
        assertThat(DunningSchedule.parse("PT0S").nextAttempt(FIRST, 1)).contains(FIRST);
        assertThat(DunningSchedule.parse("").nextAttempt(FIRST, 1)).isEmpty();
    }

    @Test
    void badSchedulesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> DunningSchedule.parse("P1D,tomorrow")).hasMessageContaining("'tomorrow'");
        assertThatThrownBy(() -> DunningSchedule.parse("P3D,P1D")).hasMessageContaining("earlier");
        assertThatThrownBy(() -> DunningSchedule.parse("-P1D")).hasMessageContaining("before the first failure");
    }
}
