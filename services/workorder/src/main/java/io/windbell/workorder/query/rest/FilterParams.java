package io.windbell.workorder.query.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.workorder.query.OrderFilter;

/** The filters of the list, the statistics and the export, as query parameters (one definition for the three). */
public class FilterParams {

    @QueryParam("status")
    @Parameter(description = "OPEN (= NEW), ASSIGNED, IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, CLOSED; repeatable")
    List<String> status;
    @QueryParam("type")
    @Parameter(description = "RECOVERY, CALLBACK or SPECIAL_TASK")
    String type;
    @QueryParam("priority")
    @Parameter(description = "LOW, NORMAL, HIGH or URGENT")
    String priority;
    @QueryParam("assignee")
    @Parameter(description = "the assignee's employee id")
    String assignee;
    @QueryParam("queue")
    @Parameter(description = "branch:<id>, region:<id> or central")
    String queue;
    @QueryParam("branchId")
    @Parameter(description = "the owning branch (outside the caller's scope: nothing)")
    String branchId;
    @QueryParam("regionId")
    @Parameter(description = "the owning branch's region (outside the caller's scope: nothing)")
    String regionId;
    @QueryParam("journeyCode")
    String journeyCode;
    @QueryParam("touchpoint")
    @Parameter(description = "a touchpoint code, e.g. wealth.risk_assessment")
    String touchpoint;
    @QueryParam("customerId")
    String customerId;
    @QueryParam("overdue")
    @Parameter(description = "true: open orders past a due time (not while waiting for the customer)")
    String overdue;
    @QueryParam("createdFrom")
    @Parameter(description = "created on or after this bank day (YYYY-MM-DD in the bank's zone)")
    String createdFrom;
    @QueryParam("createdTo")
    @Parameter(description = "created on or before this bank day (YYYY-MM-DD in the bank's zone)")
    String createdTo;

    /**
     * The filter, with every invalid parameter collected into {@code violations} (reported together with the caller's
     * other parameters).
     */
    OrderFilter parse(QueryParams params, ZoneId zone, List<Violation> violations) {
        List<WorkOrderStatus> statuses = new ArrayList<>();
        for (String value : status == null ? List.<String> of() : status) {
            WorkOrderStatus parsed = params.oneOf("status", value, WorkOrderStatus.class);
            if (parsed != null) {
                statuses.add(parsed);
            }
        }
        boolean late = false;
        if (overdue != null && !overdue.isBlank()) {
            if (!List.of("true", "false").contains(overdue.trim())) {
                violations.add(new Violation("overdue", "must be true or false"));
            }
            late = "true".equals(overdue.trim());
        }
        if (queue != null && !queue.isBlank() && !validQueue(queue.trim())) {
            violations.add(new Violation("queue", "must be branch:<id>, region:<id> or central"));
        }
        LocalDate from = date("createdFrom", createdFrom, violations);
        LocalDate to = date("createdTo", createdTo, violations);
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new Violation("createdFrom", "must not be after createdTo"));
        }
        return new OrderFilter(statuses, params.oneOf("type", type, WorkOrderType.class),
                params.oneOf("priority", priority, Priority.class),
                params.id("assignee", assignee, Identifiers::isEmployeeId, Identifiers.EMPLOYEE_ID_REGEX),
                queue == null || queue.isBlank() ? null : queue.trim(),
                params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX),
                params.id("regionId", regionId, Identifiers::isRegionId, Identifiers.REGION_ID_REGEX),
                params.id("journeyCode", journeyCode, Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX),
                params.id("touchpoint", touchpoint, Identifiers::isTouchpointCode, Identifiers.TOUCHPOINT_CODE_REGEX),
                params.id("customerId", customerId, Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX), late,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Throws one 400 with the violations of {@code params} and {@code violations} together, if there are any. */
    static void check(QueryParams params, List<Violation> violations) {
        List<Violation> all = new ArrayList<>();
        try {
            params.check();
        } catch (ProblemException invalid) {
            all.addAll(invalid.problem().violations());
        }
        all.addAll(violations);
        if (!all.isEmpty()) {
            throw new ProblemException(
                    Problem.of("invalid-request", "Invalid request", 400, all.size() + " parameter(s) are invalid")
                            .withViolations(all));
        }
    }

    private static boolean validQueue(String queue) {
        if (queue.equals("central")) {
            return true;
        }
        return queue.startsWith("branch:") && Identifiers.isBranchId(queue.substring(7))
                || queue.startsWith("region:") && Identifiers.isRegionId(queue.substring(7));
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() >= 1970 && date.getYear() <= 9998) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // the same answer as a date out of range
        }
        violations.add(new Violation(field, "must be a date YYYY-MM-DD between 1970 and 9998"));
        return null;
    }
}
