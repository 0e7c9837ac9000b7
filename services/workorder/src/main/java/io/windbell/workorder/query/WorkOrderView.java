package io.windbell.workorder.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.JourneyContext;
import io.windbell.workorder.order.WorkOrder;

/**
 * One work order as the API shows it to staff who may see it: every field of the aggregate, the journey context
 * included. {@code version} is the ETag to send in {@code If-Match}.
 */
public record WorkOrderView(UUID id, long version, WorkOrderType type, WorkOrderOrigin origin, WorkOrderStatus status,
        Priority priority, Severity severity, String title, String customerId, String customerTier, String branchId,
        String regionId, String queue, String assigneeEmployeeId, int escalationLevel, String escalatedToEmployeeId,
        String journeyCode, UUID journeyInstanceId, String touchpointCode, String errorCode, String productId,
        String servedByEmployeeId, String anchorMetric, Integer anchorScore, UUID sourceAlertId, UUID sourceResponseId,
        JourneyContext context, String slaPolicy, Instant firstResponseDueAt, Instant resolutionDueAt,
        Instant firstRespondedAt, Instant slaPausedSince, boolean firstResponseBreached, boolean resolutionBreached,
        WorkOrderResolved.RecoveryOutcome outcome, WorkOrderResolved.RootCause rootCause, String rootCauseCode,
        String actionTaken, UUID followUpResponseId, Integer followUpScore, Boolean recovered, String ownerDepartment,
        LocalDate dueDate, UUID specialTaskId, Instant createdAt, Instant updatedAt, Instant resolvedAt,
        Instant closedAt) {

    public static WorkOrderView of(WorkOrder o) {
        return new WorkOrderView(o.id, o.version, o.type, o.origin, o.status, o.priority, o.severity, o.title,
                o.customerId, o.customerTier, o.branchId, o.regionId, o.queue, o.assigneeEmployeeId, o.escalationLevel,
                o.escalatedToEmployeeId, o.journeyCode, o.journeyInstanceId, o.touchpointCode, o.errorCode, o.productId,
                o.servedByEmployeeId, o.anchorMetric, o.anchorScore, o.sourceAlertId, o.sourceResponseId, o.context,
                o.slaPolicy, o.firstResponseDueAt, o.resolutionDueAt, o.firstRespondedAt, o.slaPausedSince,
                o.firstResponseBreached, o.resolutionBreached, o.outcome, o.rootCause, o.rootCauseCode, o.actionTaken,
                o.followUpResponseId, o.followUpScore, o.recovered, o.ownerDepartment, o.dueDate, o.specialTaskId,
                o.createdAt, o.updatedAt, o.resolvedAt, o.closedAt);
    }
}
