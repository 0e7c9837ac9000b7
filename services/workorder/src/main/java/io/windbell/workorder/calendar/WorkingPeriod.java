package io.windbell.workorder.calendar;

import java.time.LocalTime;

/**
 * One stretch of working hours in a day, in the calendar's local time: {@code [start, end)}. An {@code end} of
 * {@code 00:00} means midnight at the end of the day, so a contact centre can work {@code 00:00–00:00}.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        if (start == null || end == null) {
            throw new IllegalArgumentException("a working period needs a start and an end");
        }
        if (!endsAtMidnight(end) && !end.isAfter(start)) {
            throw new IllegalArgumentException("a working period ends after it starts: " + start + "–" + end);
        }
    }

    public static WorkingPeriod of(String start, String end) {
        return new WorkingPeriod(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** Whether the period runs to the end of the day. */
    public boolean toMidnight() {
        return endsAtMidnight(end);
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }
}
