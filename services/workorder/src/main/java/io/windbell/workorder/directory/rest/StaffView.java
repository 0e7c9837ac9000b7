package io.windbell.workorder.directory.rest;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.windbell.workorder.directory.Employee;
import io.windbell.workorder.directory.StaffRole;

/**
 * An employee as the directory API shows them.
 *
 * @param openOrders
 *            the orders assigned to them that are neither RESOLVED nor CLOSED (the detail only)
 */
public record StaffView(String employeeId, String name, String branchId, String regionId, StaffRole role,
        String managerId, String calendar, List<String> skills, int capacity, boolean active, LocalDate onLeaveUntil,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long openOrders) {

    static StaffView of(Employee employee, Long openOrders) {
        return new StaffView(employee.employeeId, employee.name, employee.branchId, employee.regionId, employee.role,
                employee.managerId, employee.calendar, List.of(employee.skills), employee.capacity, employee.active,
                employee.onLeaveUntil, openOrders);
    }

    static StaffView of(Employee employee) {
        return of(employee, null);
    }
}
