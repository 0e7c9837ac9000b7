package io.windbell.workorder.order;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.windbell.contracts.workorder.WorkOrderStatus;

/**
 * One line of an order's audit trail ({@code work_order_history}): who did what, when, from which status to which, and
 * the details (a routing decision's rule and reason, a comment, the fields a command changed).
 */
@Entity
@Table(name = "work_order_history")
public class HistoryEntry extends PanacheEntityBase {

    /** The actor of what no person did. */
    public static final String SYSTEM = "system";

    /** What happened. */
    public enum Action {
        CREATED, ROUTED, ASSIGNED, RELEASED, STARTED, WAITING_FOR_CUSTOMER, RESUMED, RESOLVED, CLOSED, CANCELLED,
        REOPENED, ESCALATED, SLA_WARNING, SLA_BREACHED, COMMENTED, CONTACT_ATTEMPT, SIGNAL_ATTACHED, FOLLOW_UP_RECORDED,
        LINKED_TO_SPECIAL_TASK, UPDATED,
        /** a special task's problem came back while its touchpoint was watched */
        REGRESSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID workOrderId;
    public Instant at;
    public String actor;
    @Enumerated(EnumType.STRING)
    public Action action;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus toStatus;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;

    public static HistoryEntry of(WorkOrder order, String actor, Action action, WorkOrderStatus from,
            Map<String, Object> detail, Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.workOrderId = order.id;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = order.status;
        entry.detail = detail == null ? Map.of() : detail;
        return entry;
    }
}
