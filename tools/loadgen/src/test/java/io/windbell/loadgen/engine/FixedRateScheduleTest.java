package io.windbell.loadgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FixedRateScheduleTest {

    private static final Payload BODY = new Payload("/v1/events", new byte[0], 1);

    @Test
    void intendedTimesAreIndexOverRate() {
        FixedRateSchedule schedule = new FixedRateSchedule(4, 5, () -> BODY);

        List<Long> times = new ArrayList<>();
        while (schedule.hasNext()) {
            times.add(schedule.next().atNanos());
        }
        assertThat(times).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L);
    }

    @Test
    void noDriftOverMillionsOfRequests() {
        FixedRateSchedule schedule = new FixedRateSchedule(3, Long.MAX_VALUE, () -> BODY);

        // 1/3 s is not a whole number of nanoseconds; computing from the index keeps the error below 1 ns.
        assertThat(schedule.intendedNanos(3_000_000)).isEqualTo(1_000_000_000_000_000L);
        assertThat(schedule.intendedNanos(1)).isEqualTo(333_333_333L);
    }

    @Test
    void countCoversTheRunAndHonoursTheCap() {
        assertThat(FixedRateSchedule.countFor(200, 1.5, 1_000)).isEqualTo(300);
        assertThat(FixedRateSchedule.countFor(0.5, 3, 1_000)).isEqualTo(2);
        assertThat(FixedRateSchedule.countFor(1_000, 60, 500)).isEqualTo(500);
    }
}
