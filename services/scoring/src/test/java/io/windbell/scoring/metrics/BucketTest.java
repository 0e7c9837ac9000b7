package io.windbell.scoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.scoring.reference.Attribution;

/** Weeks from Monday and calendar months of bank days, and the bank day of an instant in Asia/Shanghai. */
class BucketTest {

    private static final LocalDate FROM = LocalDate.parse("2025-11-01");

    @Test
    void aWeekStartsOnMonday() {
        // 2025-11-16 is a Sunday: its week began on Monday 2025-11-10; the Monday after starts the next week
        assertThat(Bucket.WEEK.start(LocalDate.parse("2025-11-16"), FROM)).isEqualTo("2025-11-10");
        assertThat(Bucket.WEEK.start(LocalDate.parse("2025-11-17"), FROM)).isEqualTo("2025-11-17");
        assertThat(Bucket.WEEK.start(LocalDate.parse("2025-11-10"), FROM)).isEqualTo("2025-11-10");
    }

    @Test
    void aMonthIsTheCalendarMonth() {
        assertThat(Bucket.MONTH.start(LocalDate.parse("2025-11-30"), FROM)).isEqualTo("2025-11-01");
        assertThat(Bucket.MONTH.start(LocalDate.parse("2025-12-01"), FROM)).isEqualTo("2025-12-01");
        assertThat(Bucket.DAY.start(LocalDate.parse("2025-12-01"), FROM)).isEqualTo("2025-12-01");
        assertThat(Bucket.TOTAL.start(LocalDate.parse("2025-12-01"), FROM)).isEqualTo(FROM);
    }

    @Test
    void everyDayOfTheRangeMapsToItsBucket() {
        Map<LocalDate, LocalDate> starts = Bucket.WEEK.starts(LocalDate.parse("2025-11-15"),
                LocalDate.parse("2025-11-18"));
        assertThat(starts).containsExactly(Map.entry(LocalDate.parse("2025-11-15"), LocalDate.parse("2025-11-10")),
                Map.entry(LocalDate.parse("2025-11-16"), LocalDate.parse("2025-11-10")),
                Map.entry(LocalDate.parse("2025-11-17"), LocalDate.parse("2025-11-17")),
                Map.entry(LocalDate.parse("2025-11-18"), LocalDate.parse("2025-11-17")));
    }

    @Test
    void theBankDayTurnsAtShanghaiMidnight() {
        Attribution shanghai = new Attribution(Map.of(), Map.of(), ZoneId.of("Asia/Shanghai"));
        // 15:59:59Z is 23:59:59 on Sunday in Shanghai (UTC+8), 16:00:00Z is Monday 00:00: another week
        LocalDate sunday = shanghai.day(Instant.parse("2025-11-16T15:59:59Z"));
        LocalDate monday = shanghai.day(Instant.parse("2025-11-16T16:00:00Z"));
        assertThat(sunday).isEqualTo("2025-11-16");
        assertThat(monday).isEqualTo("2025-11-17");
        assertThat(Bucket.WEEK.start(sunday, FROM)).isEqualTo("2025-11-10");
        assertThat(Bucket.WEEK.start(monday, FROM)).isEqualTo("2025-11-17");
        // and the month turns at Shanghai midnight too: 2025-11-30T16:00Z is December 1st there
        assertThat(Bucket.MONTH.start(shanghai.day(Instant.parse("2025-11-30T16:00:00Z")), FROM))
                .isEqualTo("2025-12-01");
    }
}
