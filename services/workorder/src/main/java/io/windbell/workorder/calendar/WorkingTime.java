package io.windbell.workorder.calendar;

import java.time.Instant;

/**
 * Whether an instant is working time in a calendar (working hours on a working day, holidays and 调休 make-up days
 * applied, in the calendar's zone). Routing asks it whether an employee is on shift.
 */
public interface WorkingTime {

    /** The calendar code used when none is named (the bank's main calendar). */
    String DEFAULT_CALENDAR = "CN";

    boolean isWorking(String calendarCode, Instant at);
}
