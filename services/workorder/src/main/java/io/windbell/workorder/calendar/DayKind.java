package io.windbell.workorder.calendar;

/** What a dated entry of a calendar says about its day, against what the week says. */
public enum DayKind {
    /** not a working day although the week says so (a public holiday, also its weekend days) */
    HOLIDAY,
    /** a working day although the week says not (调休: a make-up working day, e.g. a Saturday) */
    WORKDAY
}
