package io.windbell.workorder.routing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.workorder.calendar.WorkingTime;

/**
 * Whether an employee's calendar says they are at work: routing's one question to the calendars. A class of routing's
 * own, so a test can replace it (QuarkusMock needs a subclass of the bean's class, and the calendar's bean class
 * belongs to another feature).
 */
@ApplicationScoped
public class Shifts {

    private final WorkingTime workingTime;

    public Shifts(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    public boolean isWorking(String calendarCode, Instant at) {
        return workingTime.isWorking(calendarCode, at);
    }
}
