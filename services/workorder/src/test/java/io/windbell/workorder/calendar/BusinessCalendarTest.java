package io.windbell.workorder.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Business time by hand. CN: Mon–Fri 09:00–12:00 and 13:00–17:30 (7.5 h a day) in Asia/Shanghai with the 2026 State
 * Council arrangement; each expectation is worked out in the comment above it.
 */
class BusinessCalendarTest {

    private final BusinessCalendar cn = Calendars.china2026();

    @Test
    void aWeekendIsSkipped() {
        // Fri 03-06 16:00–17:30 = 1.5 h; Sat, Sun off; Mon 03-09 09:00 + 2.5 h = 11:30
        assertThat(cn.plus(cn("2026-03-06T16:00"), Duration.ofHours(4))).isEqualTo(cn("2026-03-09T11:30"));
        assertThat(cn.isWorking(cn("2026-03-07T10:00"))).isFalse();
    }

    @Test
    void aHolidayIsSkipped() {
        // 清明: Fri 04-03 16:00–17:30 = 1.5 h; Sat 04-04 to Mon 04-06 off; Tue 04-07 09:00 + 2.5 h = 11:30
        assertThat(cn.plus(cn("2026-04-03T16:00"), Duration.ofHours(4))).isEqualTo(cn("2026-04-07T11:30"));
        assertThat(cn.isWorkingDay(LocalDate.parse("2026-04-06"))).isFalse();
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayWithMondaysHours() {
        // Fri 02-13 16:00–17:30 = 1.5 h; Sat 02-14 is 调休 (works Monday's hours): 09:00 + 2.5 h = 11:30
        assertThat(cn.plus(cn("2026-02-13T16:00"), Duration.ofHours(4))).isEqualTo(cn("2026-02-14T11:30"));
        assertThat(cn.isWorking(cn("2026-02-14T10:00"))).isTrue();
        assertThat(cn.isWorking(cn("2026-02-14T12:30"))).isFalse(); // lunch, as on a Monday
        // the Sunday 09-20 before National Day works too
        assertThat(cn.isWorking(cn("2026-09-20T15:00"))).isTrue();
    }

    @Test
    void aWeekdayOfTheSpringFestivalIsNotWorking() {
        assertThat(cn.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse(); // a Monday
        assertThat(cn.isWorking(cn("2026-02-16T10:00"))).isFalse();
        assertThat(cn.isWorking(cn("2026-02-23T10:00"))).isFalse(); // the last day off, a Monday
        assertThat(cn.isWorking(cn("2026-02-24T10:00"))).isTrue();
    }

    @Test
    void aDeadlineCrossesTheNationalDayWeek() {
        // Wed 09-30 16:00–17:30 = 1.5 h; 10-01..10-07 off; Thu 10-08 09–12 = 3 h (4.5), 13:00 + 3.5 h = 16:30
        assertThat(cn.plus(cn("2026-09-30T16:00"), Duration.ofHours(8))).isEqualTo(cn("2026-10-08T16:30"));
        // 16 h: 1.5 + Thu 7.5 = 9; Fri 10-09 09–12 = 3 (12), 13:00 + 4 h = 17:00
        assertThat(cn.plus(cn("2026-09-30T16:00"), Duration.ofHours(16))).isEqualTo(cn("2026-10-09T17:00"));
        // 24 h: 1.5 + 7.5 + 7.5 = 16.5; the 调休 Saturday 10-10 gives the last 7.5 h, due at its closing time
        assertThat(cn.plus(cn("2026-09-30T16:00"), Duration.ofHours(24))).isEqualTo(cn("2026-10-10T17:30"));
    }

    @ParameterizedTest
    @CsvSource({
            // before opening: 09:00 + 1 h
            "2026-03-09T07:00, 2026-03-09T10:00, 2026-03-09T09:00",
            // lunch: 13:00 + 1 h
            "2026-03-09T12:30, 2026-03-09T14:00, 2026-03-09T13:00",
            // evening: next morning 09:00 + 1 h
            "2026-03-09T20:00, 2026-03-10T10:00, 2026-03-10T09:00",
            // weekend: Monday 09:00 + 1 h
            "2026-03-07T10:00, 2026-03-09T10:00, 2026-03-09T09:00",
            // inside hours: itself
            "2026-03-09T10:15, 2026-03-09T11:15, 2026-03-09T10:15" })
    void aStartOutsideWorkingHoursCountsFromTheNextOpening(String start, String dueAfterAnHour, String next) {
        assertThat(cn.plus(cn(start), Duration.ofHours(1))).isEqualTo(cn(dueAfterAnHour));
        assertThat(cn.nextWorkingInstant(cn(start))).isEqualTo(cn(next));
    }

    @Test
    void aTargetEndingAtClosingTimeIsDueAtClosingAndZeroIsDueAtOnce() {
        // Mon 16:00 + 1.5 h = 17:30 exactly, not Tuesday 09:00
        assertThat(cn.plus(cn("2026-03-09T16:00"), Duration.ofMinutes(90))).isEqualTo(cn("2026-03-09T17:30"));
        assertThat(cn.plus(cn("2026-03-09T17:30"), Duration.ZERO)).isEqualTo(cn("2026-03-09T17:30"));
        assertThatThrownBy(() -> cn.plus(cn("2026-03-09T10:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({ "2026-03-06T16:00, PT4H", "2026-02-13T09:00, PT40H", "2026-09-30T16:00, PT24H",
            "2026-03-07T10:00, PT1M", "2026-12-31T17:00, PT30M", "2026-05-08T11:59, PT7H30M" })
    void betweenIsTheInverseOfPlus(String start, String target) {
        Instant from = cn(start);
        Duration duration = Duration.parse(target);
        assertThat(cn.between(from, cn.plus(from, duration))).isEqualTo(duration);
    }

    @Test
    void betweenCountsOnlyWorkingTime() {
        // Fri 16:00–17:30 1.5 h + Mon 09:00–11:30 2.5 h
        assertThat(cn.between(cn("2026-03-06T16:00"), cn("2026-03-09T11:30"))).isEqualTo(Duration.ofHours(4));
        // the whole Spring Festival holiday: nothing
        assertThat(cn.between(cn("2026-02-15T00:00"), cn("2026-02-24T00:00"))).isZero();
        assertThat(cn.between(cn("2026-03-09T11:00"), cn("2026-03-09T10:00"))).isZero();
    }

    @Test
    void aPauseMovesTheDueTimeByTheBusinessTimePaused() {
        // opened Mon 03-09 09:00 with 8 h: Mon 7.5 h, Tue 09:00 + 0.5 h = 09:30
        Instant due = cn.plus(cn("2026-03-09T09:00"), Duration.ofHours(8));
        assertThat(due).isEqualTo(cn("2026-03-10T09:30"));
        // paused Mon 10:00–14:00: 10–12 (2 h) + 13–14 (1 h) = 3 h of business time
        Duration paused = cn.between(cn("2026-03-09T10:00"), cn("2026-03-09T14:00"));
        assertThat(paused).isEqualTo(Duration.ofHours(3));
        // Tue 09:30–12:00 2.5 h, 13:00 + 0.5 h = 13:30
        assertThat(cn.plus(due, paused)).isEqualTo(cn("2026-03-10T13:30"));
        // a pause entirely outside working hours (Sat) moves nothing
        assertThat(cn.between(cn("2026-03-07T10:00"), cn("2026-03-07T18:00"))).isZero();
    }

    @Test
    void aLongTargetAcrossTheSpringFestival() {
        // 40 h from Fri 02-13 09:00: Fri 7.5 (32.5 left), 调休 Sat 02-14 7.5 (25), 02-15..02-23 off,
        // Tue 02-24 7.5 (17.5), Wed 7.5 (10), Thu 7.5 (2.5), Fri 02-27 09:00 + 2.5 h = 11:30
        assertThat(cn.plus(cn("2026-02-13T09:00"), Duration.ofHours(40))).isEqualTo(cn("2026-02-27T11:30"));
    }

    @Test
    void twoTimeZones() {
        BusinessCalendar london = Calendars.weekdaysOnly("GB", Calendars.LONDON, WorkingPeriod.of("09:00", "17:00"));
        Instant at = Instant.parse("2026-03-09T02:00:00Z"); // 10:00 in Shanghai, 02:00 in London
        assertThat(cn.isWorking(at)).isTrue();
        assertThat(london.isWorking(at)).isFalse();
        // London on GMT in early March: next opening Mon 09:00 GMT = 09:00Z; + 3 h = 12:00Z
        assertThat(london.plus(at, Duration.ofHours(3))).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void londonSpringForwardOverAWeekendKeepsTheOfficeHours() {
        BusinessCalendar london = Calendars.weekdaysOnly("GB", Calendars.LONDON, WorkingPeriod.of("09:00", "17:30"));
        // Fri 03-27 16:00 GMT (16:00Z) to 17:30: 1.5 h; clocks go forward Sun 03-29;
        // Mon 03-30 09:00 BST (08:00Z) + 2.5 h = 11:30 BST = 10:30Z
        Instant due = london.plus(Instant.parse("2026-03-27T16:00:00Z"), Duration.ofHours(4));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T10:30:00Z"));
        assertThat(london.between(Instant.parse("2026-03-27T16:00:00Z"), due)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void londonSpringForwardInsideWorkingHoursLosesNoRealHour() {
        // a contact centre working 00:00–04:00 every night; 03-29 01:00 GMT jumps to 02:00 BST, so the night is
        // 00:00Z..03:00Z: 3 real hours, as long as somebody on duty works
        BusinessCalendar night = Calendars.everyDay("GB-NIGHT", Calendars.LONDON, WorkingPeriod.of("00:00", "04:00"));
        Instant midnight = Instant.parse("2026-03-29T00:00:00Z");
        assertThat(night.between(midnight, Instant.parse("2026-03-29T12:00:00Z"))).isEqualTo(Duration.ofHours(3));
        // 3 h from midnight end at 03:00Z = 04:00 BST, the closing time; 4 h spill into the next night
        assertThat(night.plus(midnight, Duration.ofHours(3))).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
        // next night on BST: 03-30 00:00 BST = 03-29T23:00Z, + 1 h
        assertThat(night.plus(midnight, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
        // 01:30 local does not exist: 01:30Z is 02:30 BST, working
        assertThat(night.isWorking(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
    }

    @Test
    void londonFallBackInsideWorkingHoursCountsTheRepeatedHour() {
        // 24 h a day: 10-25 02:00 BST goes back to 01:00 GMT, the day lasts 25 real hours
        BusinessCalendar always = Calendars.everyDay("GB-24", Calendars.LONDON, WorkingPeriod.of("00:00", "00:00"));
        Instant dayStart = Instant.parse("2026-10-24T23:00:00Z"); // 00:00 BST
        Instant nextDay = Instant.parse("2026-10-26T00:00:00Z"); // 00:00 GMT
        assertThat(always.between(dayStart, nextDay)).isEqualTo(Duration.ofHours(25));
        assertThat(always.plus(dayStart, Duration.ofHours(25))).isEqualTo(nextDay);
        // both passes of 01:30 local are working time
        assertThat(always.isWorking(Instant.parse("2026-10-25T00:30:00Z"))).isTrue();
        assertThat(always.isWorking(Instant.parse("2026-10-25T01:30:00Z"))).isTrue();
    }

    @Test
    void newYorkSpringForwardAndFallBack() {
        // Sundays 00:00–06:00 local
        BusinessCalendar sundays = BusinessCalendar.of("US-SUN", "US-SUN", Calendars.NEW_YORK,
                Map.of(DayOfWeek.SUNDAY, List.of(WorkingPeriod.of("00:00", "06:00"))), List.of(), null);
        // 03-08: 00:00 EST = 05:00Z; 02:00 EST jumps to 03:00 EDT; 06:00 EDT = 10:00Z: 5 real hours
        Instant springStart = Instant.parse("2026-03-08T05:00:00Z");
        assertThat(sundays.between(springStart, Instant.parse("2026-03-08T20:00:00Z"))).isEqualTo(Duration.ofHours(5));
        assertThat(sundays.plus(springStart, Duration.ofHours(5))).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
        // 11-01: 00:00 EDT = 04:00Z; 02:00 EDT goes back to 01:00 EST; 06:00 EST = 11:00Z: 7 real hours
        Instant fallStart = Instant.parse("2026-11-01T04:00:00Z");
        assertThat(sundays.between(fallStart, Instant.parse("2026-11-01T20:00:00Z"))).isEqualTo(Duration.ofHours(7));
        assertThat(sundays.plus(fallStart, Duration.ofHours(7))).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
    }

    @Test
    void newYorkOfficeHoursAcrossTheSpringForwardWeekend() {
        BusinessCalendar ny = Calendars.weekdaysOnly("US", Calendars.NEW_YORK, WorkingPeriod.of("09:00", "17:00"));
        // Fri 03-06 16:00 EST (21:00Z) to 17:00: 1 h; Mon 03-09 09:00 EDT (13:00Z) + 3 h = 12:00 EDT = 16:00Z
        assertThat(ny.plus(Instant.parse("2026-03-06T21:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
    }

    @Test
    void overlappingPeriodsAndAnEmptyWeekAreRefused() {
        assertThat(BusinessCalendar
                .overlap(List.of(WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("11:00", "13:00")))).isPresent();
        assertThatThrownBy(() -> WorkingPeriod.of("12:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        BusinessCalendar never = BusinessCalendar.of("NONE", "NONE", ZoneId.of("UTC"), Map.of(), List.of(), null);
        assertThatThrownBy(() -> never.plus(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Instant cn(String local) {
        return LocalDateTime.parse(local).atZone(Calendars.SHANGHAI).toInstant();
    }
}
