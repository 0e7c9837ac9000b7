package io.windbell.workorder.query;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.windbell.workorder.order.WorkOrder;

/**
 * The export's CSV (RFC 4180): one header line, one line per order. A cell that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @} first) is prefixed with an apostrophe: titles are free text.
 */
public final class OrderCsv {

    static final List<String> HEADER = List.of("id", "type", "origin", "status", "priority", "title", "customerId",
            "branchId", "regionId", "queue", "assigneeEmployeeId", "escalationLevel", "journeyCode", "touchpointCode",
            "firstResponseDueAt", "resolutionDueAt", "firstRespondedAt", "firstResponseBreached", "resolutionBreached",
            "outcome", "rootCause", "recovered", "createdAt", "resolvedAt", "closedAt");

    private OrderCsv() {
    }

    public static String write(List<WorkOrder> orders) {
        StringBuilder csv = new StringBuilder(line(HEADER.stream()));
        for (WorkOrder o : orders) {
            csv.append(line(Stream.of(o.id, o.type, o.origin, o.status, o.priority, o.title, o.customerId, o.branchId,
                    o.regionId, o.queue, o.assigneeEmployeeId, o.escalationLevel, o.journeyCode, o.touchpointCode,
                    o.firstResponseDueAt, o.resolutionDueAt, o.firstRespondedAt, o.firstResponseBreached,
                    o.resolutionBreached, o.outcome, o.rootCause, o.recovered, o.createdAt, o.resolvedAt, o.closedAt)));
        }
        return csv.toString();
    }

    private static String line(Stream<?> cells) {
        return cells.map(cell -> cell(cell == null ? "" : Objects.toString(cell))).collect(Collectors.joining(","))
                + "\r\n";
    }

    /** One cell, quoted when it holds a comma, quote or line break, defused when it starts like a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
