package io.windbell.survey.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.contracts.workorder.WorkOrderType;

/** Builds one recovery work order's events as the workorder service emits them, revision by revision. */
public final class WorkOrders {

    private final UUID id = UUID.randomUUID();
    private final String customerId;
    private final UUID sourceResponseId;
    private final Instant createdAt = Instant.now();
    private long revision;

    private WorkOrders(String customerId, UUID sourceResponseId) {
        this.customerId = customerId;
        this.sourceResponseId = sourceResponseId;
    }

    public static WorkOrders recovery(String customerId) {
        return new WorkOrders(customerId, null);
    }

    public static WorkOrders recovery(String customerId, UUID sourceResponseId) {
        return new WorkOrders(customerId, sourceResponseId);
    }

    public UUID id() {
        return id;
    }

    public WorkOrderCreated created() {
        return new WorkOrderCreated(summary(WorkOrderStatus.OPEN), "DETRACTOR_48H");
    }

    public WorkOrderResolved resolved(boolean followUpRequested) {
        return new WorkOrderResolved(summary(WorkOrderStatus.RESOLVED), Instant.now(), "E2002",
                WorkOrderResolved.RecoveryOutcome.RECOVERED, WorkOrderResolved.RootCause.SYSTEM, "RISK_TIMEOUT", true,
                followUpRequested);
    }

    public WorkOrderClosed closed() {
        return new WorkOrderClosed(summary(WorkOrderStatus.CLOSED), WorkOrderClosed.Reason.CONFIRMED, Instant.now(),
                null, null);
    }

    /** The next revision of the order in {@code status}. */
    public WorkOrderSummary summary(WorkOrderStatus status) {
        revision++;
        return new WorkOrderSummary(id, customerId, "B001", "E2002", WorkOrderOrigin.LOW_SCORE_ALERT,
                "CES 6 after interrupted wealth purchase", Priority.HIGH, status, 0, createdAt, Instant.now(),
                createdAt.plus(Duration.ofHours(48)), revision, null, sourceResponseId, null, WorkOrderType.RECOVERY,
                "R01", "https://console.windbell.example/workorders/" + id);
    }
}
