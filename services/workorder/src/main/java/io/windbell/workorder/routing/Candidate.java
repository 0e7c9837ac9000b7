package io.windbell.workorder.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.windbell.workorder.directory.StaffRole;

/**
 * An employee as routing weighs them: the directory's facts and their current load.
 *
 * @param onLeaveUntil
 *            on leave through this day, inclusive; {@code null} when not on leave
 * @param calendar
 *            their calendar code; {@code null} = the bank's default calendar
 * @param openOrders
 *            orders assigned to them that are neither RESOLVED nor CLOSED
 * @param lastAssignedAt
 *            when an order was last assigned to them; {@code null} when never
 */
public record Candidate(String employeeId, String branchId, String regionId, StaffRole role, boolean active,
        LocalDate onLeaveUntil, String calendar, List<String> skills, int capacity, long openOrders,
        Instant lastAssignedAt) {

    public Candidate {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** Whether they are on leave on {@code day} (the leave's last day included). */
    public boolean onLeave(LocalDate day) {
        return onLeaveUntil != null && !day.isAfter(onLeaveUntil);
    }

    public boolean hasRoom() {
        return openOrders < capacity;
    }
}
