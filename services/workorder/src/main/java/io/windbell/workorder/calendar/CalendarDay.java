package io.windbell.workorder.calendar;

import java.time.LocalDate;

/** A dated exception to a calendar's week: a holiday or a 调休 make-up working day, with its name (e.g. 春节). */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}
