package io.windbell.scoring.pyramid;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A week (ISO, Monday to Sunday) or a calendar month of the bank's days, both ends included: the unit the pyramid
 * compares with the one before.
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

    /** How long a period is. */
    public enum Kind {
        WEEK, MONTH
    }

    /** The period of {@code kind} that contains {@code day}. */
    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
        case WEEK -> {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            yield new Period(kind, monday, monday.plusDays(6));
        }
        case MONTH -> new Period(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The period just before this one. */
    public Period previous() {
        return containing(kind, from.minusDays(1));
    }
}
