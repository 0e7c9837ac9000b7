package io.windbell.workorder.special;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.workorder.Priority;

/**
 * A special task as proposed, before it is opened: its title, what it is about, its owner department, due date and
 * owning branch. Two sources: a recurring pattern of recovery cases, and a touchpoint degradation alert.
 *
 * @param branchId
 *            the owning branch: the cases' branch when all are of one, else the central branch (head office)
 * @param regionId
 *            the owning region when all cases are of one (its regional manager reads the task), else {@code null}
 */
public record Proposal(String title, Priority priority, String touchpointCode, String errorCode, String ownerDepartment,
        LocalDate dueDate, String branchId, String regionId) {

    /**
     * The task for {@code cases} recovery cases sharing {@code key} within {@code window}: priority HIGH, owned by the
     * department of the touchpoint (when the cases share one), due {@code dueIn} after {@code today}.
     */
    public static Proposal forPattern(PatternKey key, int cases, Spread spread, Duration window, Departments owners,
            LocalDate today, Duration dueIn, String centralBranch) {
        String touchpoint = key.touchpointCode() != null ? key.touchpointCode() : spread.touchpointCode();
        String error = key.errorCode() != null ? key.errorCode() : spread.errorCode();
        StringBuilder title = new StringBuilder().append(cases)
                .append(cases == 1 ? " recovery case" : " recovery cases");
        if (touchpoint != null) {
            title.append(" at ").append(touchpoint);
        }
        if (error != null) {
            title.append(touchpoint != null ? " (" + error + ")" : " with error " + error);
        }
        if (key.rootCause() != null) {
            title.append(" with root cause ").append(key.rootCause());
        }
        title.append(" in ").append(span(window));
        String branch = spread.branchId() != null ? spread.branchId() : centralBranch;
        return new Proposal(title.toString(), Priority.HIGH, touchpoint, error, owners.owner(touchpoint),
                today.plusDays(dueIn.toDays()), branch, spread.regionId());
    }

    /**
     * The task for a degraded touchpoint: "error rate at transfer.submit 2.1% → 9.8%", priority by the alert's
     * severity, owned by the alert's branch when the degradation is confined to one.
     */
    public static Proposal forDegradation(TouchpointDegradedAlert alert, Departments owners, LocalDate today,
            Duration dueIn, String centralBranch) {
        String title = label(alert.metric()) + " at " + alert.touchpointCode() + " "
                + value(alert.metric(), alert.baseline()) + " → " + value(alert.metric(), alert.current());
        return new Proposal(title, priority(alert.severity()), alert.touchpointCode(), null,
                owners.owner(alert.touchpointCode()), today.plusDays(dueIn.toDays()),
                alert.branchId() != null ? alert.branchId() : centralBranch, null);
    }

    /** LOW → LOW, MEDIUM → NORMAL, HIGH → HIGH, CRITICAL → URGENT. */
    public static Priority priority(Severity severity) {
        if (severity == null) {
            return Priority.NORMAL;
        }
        return switch (severity) {
        case LOW -> Priority.LOW;
        case MEDIUM -> Priority.NORMAL;
        case HIGH -> Priority.HIGH;
        case CRITICAL -> Priority.URGENT;
        };
    }

    /** How a metric's move reads in a title or a history line: "error rate 2.1% → 9.8%". */
    public static String change(TouchpointDegradedAlert.Metric metric, double from, double to) {
        return label(metric) + " " + value(metric, from) + " → " + value(metric, to);
    }

    static String label(TouchpointDegradedAlert.Metric metric) {
        return switch (metric) {
        case SUCCESS_RATE -> "success rate";
        case ERROR_RATE -> "error rate";
        case ABANDONMENT_RATE -> "abandonment rate";
        case DETRACTOR_RATE -> "detractor rate";
        case P90_DURATION_MS -> "p90 duration";
        case NPS, CSAT, CES -> metric.name();
        };
    }

    static String value(TouchpointDegradedAlert.Metric metric, double value) {
        return switch (metric) {
        case SUCCESS_RATE, ERROR_RATE, ABANDONMENT_RATE, DETRACTOR_RATE -> String.format(Locale.ROOT, "%.1f%%",
                value * 100);
        case P90_DURATION_MS -> String.format(Locale.ROOT, "%.0f ms", value);
        case NPS, CSAT, CES -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    /** "7 days", "1 day", "36 hours": the window as the title says it. */
    static String span(Duration window) {
        if (window.toHours() % 24 == 0 && !window.isZero()) {
            long days = window.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        long hours = window.toHours();
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
