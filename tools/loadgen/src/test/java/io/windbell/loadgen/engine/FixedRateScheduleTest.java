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

    @Test
    void aRampRisesLinearlyToTheRateThenHolds() {
        // 100/s reached after a 2 s ramp: the ramp sends 100 requests (the area under its line), then one every 10 ms
        FixedRateSchedule schedule = new FixedRateSchedule(100, 2_000_000_000L, 300, () -> BODY);

        assertThat(schedule.intendedNanos(0)).isZero();
        // 25 requests by 1 s (a quarter of the ramp's area in its first half), 100 by 2 s
        assertThat(schedule.intendedNanos(25)).isEqualTo(1_000_000_000L);
        assertThat(schedule.intendedNanos(100)).isEqualTo(2_000_000_000L);
        assertThat(schedule.intendedNanos(101)).isEqualTo(2_010_000_000L);
        assertThat(schedule.intendedNanos(299)).isEqualTo(3_990_000_000L);
        // the gaps shrink along the ramp and are even after it
        long early = schedule.intendedNanos(2) - schedule.intendedNanos(1);
        long late = schedule.intendedNanos(99) - schedule.intendedNanos(98);
        assertThat(early).isGreaterThan(late);
        assertThat(late).isGreaterThan(10_000_000L);
    }

    @Test
    void countOfARampedRunIsTheAreaUnderTheRate() {
        // 2 s ramp to 100/s, then 2 s at 100/s: 100 + 200
        assertThat(FixedRateSchedule.countFor(100, 2, 4, 1_000)).isEqualTo(300);
        // cut inside the ramp: 1 s of a 2 s ramp is a quarter of its 100
        assertThat(FixedRateSchedule.countFor(100, 2, 1, 1_000)).isEqualTo(25);
        assertThat(FixedRateSchedule.countFor(100, 0, 4, 1_000)).isEqualTo(400);
    }
}
