package io.windbell.workorder.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;

/**
 * The work order aggregate (table {@code work_order}, V1). Status changes only through {@link #apply}, which runs the
 * {@link Lifecycle}; {@link #version} is Hibernate's optimistic lock (the REST API's ETag), {@link #revision} the
 * counter carried by the order's events. Everything that changes an order and emits events goes through
 * {@link WorkOrders}, in one reactive transaction with its history and outbox rows.
 */
@Entity
@Table(name = "work_order")
public class WorkOrder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long version;
    public long revision;

    @Enumerated(EnumType.STRING)
    public WorkOrderType type;
    @Enumerated(EnumType.STRING)
    public WorkOrderOrigin origin;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus status;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public String title;

    public String customerId;
    public String customerTier;

    public String branchId;
    public String regionId;
    /** {@code branch:<id>}, {@code region:<id>} or {@code central}: see {@link Queues}. */
    public String queue;
    public String assigneeEmployeeId;
    public int escalationLevel;
    public String escalatedToEmployeeId;

    public String journeyCode;
    public UUID journeyInstanceId;
    public String touchpointCode;
    public String errorCode;
    public String productId;
    public String servedByEmployeeId;
    public String anchorMetric;
    public Integer anchorScore;
    public UUID sourceAlertId;
    public UUID sourceResponseId;
    @JdbcTypeCode(SqlTypes.JSON)
    public JourneyContext context;

    public String slaPolicy;
    public Instant firstResponseDueAt;
    public Instant resolutionDueAt;
    public Instant firstRespondedAt;
    public Instant slaPausedSince;
    public boolean firstResponseBreached;
    public boolean resolutionBreached;

    @Enumerated(EnumType.STRING)
    public WorkOrderResolved.RecoveryOutcome outcome;
    @Enumerated(EnumType.STRING)
    public WorkOrderResolved.RootCause rootCause;
    public String rootCauseCode;
    public String actionTaken;

    public UUID followUpResponseId;
    public Integer followUpScore;
    public Boolean recovered;

    public String ownerDepartment;
    public LocalDate dueDate;
    public UUID specialTaskId;

    public Instant createdAt;
    public Instant updatedAt;
    public Instant resolvedAt;
    public Instant closedAt;

    /** A new order in status OPEN (NEW), not yet routed; the caller fills in what it is about. */
    public static WorkOrder draft(WorkOrderType type, WorkOrderOrigin origin, Priority priority, String title,
            Instant now) {
        WorkOrder order = new WorkOrder();
        order.id = UUID.randomUUID();
        order.type = type;
        order.origin = origin;
        order.priority = priority;
        order.title = title;
        order.status = WorkOrderStatus.OPEN;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /**
     * Runs {@code action} through the {@link Lifecycle} and stamps the times it implies (first response on START,
     * resolved/closed times; REOPEN clears them).
     *
     * @return the status before the change
     *
     * @throws io.windbell.platform.problem.ProblemException
     *             409 when the action is not allowed in the current status
     */
    public WorkOrderStatus apply(Lifecycle.Action action, Instant now) {
        WorkOrderStatus before = status;
        status = Lifecycle.next(status, action);
        updatedAt = now;
        switch (action) {
        case START -> {
            if (firstRespondedAt == null) {
                firstRespondedAt = now;
            }
        }
        case RESOLVE -> resolvedAt = now;
        case CLOSE, CANCEL -> closedAt = now;
        case REOPEN -> {
            resolvedAt = null;
            closedAt = null;
            outcome = null;
            recovered = null;
        }
        default -> {
        }
        }
        return before;
    }

    public boolean isOpen() {
        return Lifecycle.isOpen(status);
    }

    /** The revision of the next event of this order; call once per event. */
    long nextRevision() {
        return ++revision;
    }
}
