package io.windbell.scoring.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time buckets of a metric series. Rollup days are already the bank's days (its time zone), so a week is the ISO
 * week from Monday and a month the calendar month of those days; {@link #TOTAL} is one bucket for the whole range,
 * starting at {@code from}. A bucket's start may lie before {@code from} (a week starting on the Monday before), but it
 * only ever holds days of the requested range.
 */
public enum Bucket {
    DAY, WEEK, MONTH, TOTAL;

    /** The first day of the bucket {@code day} falls in, for a range starting at {@code from}. */
    public LocalDate start(LocalDate day, LocalDate from) {
        return switch (this) {
        case DAY -> day;
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
        case TOTAL -> from;
        };
    }

    /** Every day of [from, to] with the start of its bucket, in day order: what the query groups rollup days by. */
    public Map<LocalDate, LocalDate> starts(LocalDate from, LocalDate to) {
        Map<LocalDate, LocalDate> starts = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            starts.put(day, start(day, from));
        }
        return starts;
    }
}
