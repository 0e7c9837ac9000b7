package io.windbell.workorder.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.platform.logging.Mask;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.workorder.access.Viewer;
import io.windbell.workorder.directory.Hierarchy;

/**
 * The commands people send about work orders (the REST API's use cases), each in one reactive transaction: load the
 * order, check that the caller sees it (404) and may do this to it (403), that it is still at the version the caller
 * read (409), then change it through {@link WorkOrders} (lifecycle, history, events). Hibernate's optimistic lock
 * checks the version again at flush, so of two commands racing on one version exactly one wins.
 */
@ApplicationScoped
public class OrderCommands {

    private static final Logger LOG = Logger.getLogger(OrderCommands.class);
    /** PostgreSQL's unique_violation: here, a second open RECOVERY for the same customer and journey. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final WorkOrders workOrders;
    private final Hierarchy hierarchy;

    public OrderCommands(WorkOrders workOrders, Hierarchy hierarchy) {
        this.workOrders = workOrders;
        this.hierarchy = hierarchy;
    }

    /** Opens a manual RECOVERY order in a branch the caller manages (403 outside it); routing and SLA as for alerts. */
    public Uni<WorkOrder> create(ManualOrder manual, Viewer viewer) {
        String region = creationRegion(manual, viewer);
        Instant now = now();
        WorkOrder draft = WorkOrder.draft(WorkOrderType.RECOVERY, manual.origin(), manual.priority(), manual.title(),
                now);
        draft.customerId = manual.customerId();
        draft.branchId = manual.branchId();
        draft.regionId = region;
        draft.journeyCode = manual.journeyCode();
        draft.touchpointCode = manual.touchpointCode();
        return Panache.withTransaction(() -> workOrders.open(draft, viewer.actor(), now, null))
                .onFailure(OrderCommands::isUniqueViolation)
                .transform(e -> new ProblemException(Problem.of("open-recovery-exists", "Conflict", 409,
                        "this customer already has an open recovery order for this journey: add to it instead")))
                .invoke(order -> LOG.infof("manual order %s opened for customer %s in branch %s by %s", order.id,
                        Mask.id(order.customerId), order.branchId, viewer.actor()));
    }

    /** A frontline employee (or a manager) takes an unassigned order from the queue: ASSIGNED to them. */
    public Uni<WorkOrder> claim(Target target) {
        return change(target, Need.SEE, order -> {
            Viewer viewer = target.viewer();
            if (viewer.employeeId() == null) {
                throw forbidden("only an employee (a token with employee_id) can take an order");
            }
            if (order.assigneeEmployeeId != null) {
                throw conflict("already-assigned", "the order is assigned already; ask a manager to reassign it");
            }
            return assignTo(order, viewer.employeeId(), viewer.actor(), details("claimed", true));
        });
    }

    /** A manager (re)assigns an order; a reassignment names the previous assignee in {@code workorder.assigned}. */
    public Uni<WorkOrder> assign(Target target, String employeeId, String reason) {
        return change(target, Need.MANAGE, order -> {
            if (employeeId.equals(order.assigneeEmployeeId)) {
                throw conflict("already-assigned", "the order is assigned to " + employeeId + " already");
            }
            return assignTo(order, employeeId, target.viewer().actor(), details("reason", reason));
        });
    }

    /** Back to its queue, nobody assigned: OPEN. */
    public Uni<WorkOrder> release(Target target, String reason) {
        return change(target, Need.WORK, order -> {
            String previous = order.assigneeEmployeeId;
            order.assigneeEmployeeId = null;
            return move(order, Lifecycle.Action.RELEASE, target, details("previous", previous, "reason", reason), null);
        });
    }

    public Uni<WorkOrder> start(Target target) {
        return change(target, Need.WORK, order -> move(order, Lifecycle.Action.START, target, Map.of(), null));
    }

    /** Waiting for the customer (unreachable, call back later); the SLA clock pauses. */
    public Uni<WorkOrder> waitForCustomer(Target target, String reason, Instant until) {
        return change(target, Need.WORK, order -> move(order, Lifecycle.Action.WAIT_FOR_CUSTOMER, target,
                details("reason", reason, "until", until == null ? null : until.toString()), null));
    }

    public Uni<WorkOrder> resume(Target target) {
        return change(target, Need.WORK, order -> move(order, Lifecycle.Action.RESUME, target, Map.of(), null));
    }

    /** Records the outcome: RESOLVED, {@code workorder.resolved} ({@code slaMet} as the SLA clock saw it). */
    public Uni<WorkOrder> resolve(Target target, Resolution resolution) {
        return change(target, Need.WORK, order -> {
            order.outcome = resolution.outcome();
            order.rootCause = resolution.rootCause();
            order.rootCauseCode = resolution.rootCauseCode();
            order.actionTaken = resolution.actionTaken();
            Instant now = now();
            String by = target.viewer().actor();
            // the factory runs after the observers: the SLA clock has set resolutionBreached by then
            return workOrders.move(order, Lifecycle.Action.RESOLVE, by,
                    details("outcome", resolution.outcome().name(), "rootCause", resolution.rootCause().name(),
                            "rootCauseCode", resolution.rootCauseCode()),
                    summary -> new WorkOrderResolved(summary, now, by, resolution.outcome(), resolution.rootCause(),
                            resolution.rootCauseCode(), !order.resolutionBreached, resolution.followUpRequested()),
                    now, null);
        });
    }

    /** Confirms a resolved order: CLOSED, {@code workorder.closed}. */
    public Uni<WorkOrder> close(Target target, WorkOrderClosed.Reason reason) {
        return change(target, Need.MANAGE, order -> move(order, Lifecycle.Action.CLOSE, target,
                details("reason", reason.name()), closed(order, reason)));
    }

    /** Withdraws an order nobody worked on (a duplicate, opened in error): CLOSED, {@code workorder.closed}. */
    public Uni<WorkOrder> cancel(Target target, WorkOrderClosed.Reason reason) {
        return change(target, Need.MANAGE, order -> move(order, Lifecycle.Action.CANCEL, target,
                details("reason", reason.name()), closed(order, reason)));
    }

    /** Opens a resolved or closed order again, with its last assignee: ASSIGNED, {@code workorder.reopened}. */
    public Uni<WorkOrder> reopen(Target target, WorkOrderReopened.Reason reason) {
        return change(target, Need.MANAGE, order -> {
            if (order.assigneeEmployeeId == null) {
                throw conflict("nobody-to-reopen-for",
                        "the order was cancelled before anyone took it: open a new order instead");
            }
            Instant now = now();
            String by = target.viewer().actor();
            return workOrders.move(order, Lifecycle.Action.REOPEN, by, details("reason", reason.name()),
                    summary -> new WorkOrderReopened(summary, reason, now, null, by), now, null);
        });
    }

    /** Escalates an open order one level up the hierarchy; 409 when nobody is above it. */
    public Uni<WorkOrder> escalate(Target target, String reason) {
        return change(target, Need.WORK, order -> {
            if (!order.isOpen()) {
                throw conflict("illegal-transition", "a " + order.status + " order cannot be escalated");
            }
            int level = order.escalationLevel + 1;
            return hierarchy.escalationTarget(order, level).chain(found -> {
                String to = found.orElseThrow(() -> conflict("nobody-to-escalate-to",
                        "nobody is accountable at escalation level " + level + " for this order"));
                Instant now = now();
                order.escalationLevel = level;
                order.escalatedToEmployeeId = to;
                HistoryEntry entry = HistoryEntry.of(order, target.viewer().actor(), HistoryEntry.Action.ESCALATED,
                        order.status, details("level", level, "to", to, "reason", reason), now);
                return workOrders.save(order, List.of(entry),
                        List.of(summary -> new WorkOrderEscalated(summary, WorkOrderEscalated.Reason.MANUAL, to, now)),
                        now, null);
            });
        });
    }

    /** Adds a comment to the audit trail (shown to staff, never logged). */
    public Uni<WorkOrder> comment(Target target, String text) {
        return change(target, Need.WORK, order -> {
            Instant now = now();
            HistoryEntry entry = HistoryEntry.of(order, target.viewer().actor(), HistoryEntry.Action.COMMENTED,
                    order.status, details("text", text), now);
            return workOrders.save(order, List.of(entry), List.of(), now, null);
        });
    }

    /**
     * Records a contact attempt. The first attempt on an ASSIGNED order starts it: reaching out to the customer is the
     * first response, whatever its result (ADR 0022).
     */
    public Uni<WorkOrder> contact(Target target, Instant at, ContactAttempt.Channel channel,
            ContactAttempt.Result result, String note) {
        return change(target, Need.WORK, order -> {
            if (order.status == WorkOrderStatus.OPEN || !order.isOpen()) {
                throw conflict("illegal-transition",
                        "a contact attempt needs an assigned, open order (it is " + order.status + ")");
            }
            Instant now = now();
            String by = target.viewer().actor();
            Uni<WorkOrder> started = order.status == WorkOrderStatus.ASSIGNED ? workOrders.move(order,
                    Lifecycle.Action.START, by, details("by", "contact-attempt"), null, now, null)
                    : Uni.createFrom().item(order);
            ContactAttempt attempt = ContactAttempt.of(order, by, at == null ? now : at, channel, result, note);
            return started.chain(() -> attempt.persist()).chain(() -> {
                HistoryEntry entry = HistoryEntry.of(order, by, HistoryEntry.Action.CONTACT_ATTEMPT, order.status,
                        details("at", attempt.at.toString(), "channel", channel.name(), "result", result.name()), now);
                return workOrders.save(order, List.of(entry), List.of(), now, null);
            });
        });
    }

    /** What a command needs beyond seeing the order. */
    private enum Need {
        /** seeing it is enough (taking it from the queue) */
        SEE,
        /** the assignee, or a manager of the order */
        WORK,
        /** a manager of the order (or an admin) */
        MANAGE
    }

    private Uni<WorkOrder> change(Target target, Need need, Function<WorkOrder, Uni<WorkOrder>> command) {
        return Panache.withTransaction(() -> WorkOrder.<WorkOrder> findById(target.orderId()).chain(order -> {
            Viewer viewer = target.viewer();
            if (order == null || !viewer.sees(order)) {
                // outside the caller's scope an order does not exist: 404, never 403 (ADR 0022)
                throw ProblemException.notFound("work order", target.orderId().toString());
            }
            if (need == Need.WORK && !viewer.mayWork(order)) {
                throw forbidden("only the assignee or a manager of the order may do this");
            }
            if (need == Need.MANAGE && viewer.kind() == Viewer.Kind.FRONTLINE) {
                throw forbidden("only a manager of the order may do this");
            }
            if (order.version != target.expectedVersion()) {
                throw stale(target.expectedVersion(), order.version);
            }
            return command.apply(order);
        })).onFailure(OrderCommands::isStaleAtFlush).transform(e -> stale(target.expectedVersion(), null));
    }

    private Uni<WorkOrder> assignTo(WorkOrder order, String employeeId, String by, Map<String, Object> detail) {
        String previous = order.assigneeEmployeeId;
        order.assigneeEmployeeId = employeeId;
        Instant now = now();
        Map<String, Object> all = new LinkedHashMap<>(detail);
        all.put("assignee", employeeId);
        if (previous != null) {
            all.put("previous", previous);
        }
        return workOrders.move(order, Lifecycle.Action.ASSIGN, by, all,
                summary -> new WorkOrderAssigned(summary, previous, by, null, now), now, null);
    }

    private Uni<WorkOrder> move(WorkOrder order, Lifecycle.Action action, Target target, Map<String, Object> detail,
            WorkOrders.EventFactory event) {
        return workOrders.move(order, action, target.viewer().actor(), detail, event, now(), null);
    }

    private static WorkOrders.EventFactory closed(WorkOrder order, WorkOrderClosed.Reason reason) {
        return summary -> new WorkOrderClosed(summary, reason, order.closedAt, order.followUpResponseId,
                order.recovered);
    }

    private static String creationRegion(ManualOrder manual, Viewer viewer) {
        return switch (viewer.kind()) {
        case ALL -> manual.regionId();
        case REGION -> {
            if (manual.regionId() != null && !manual.regionId().equals(viewer.regionId())) {
                throw forbidden("a regional manager opens orders in their own region only");
            }
            yield viewer.regionId();
        }
        case BRANCH -> {
            if (!manual.branchId().equals(viewer.branchId())) {
                throw forbidden("a branch manager opens orders in their own branch only");
            }
            yield manual.regionId() != null ? manual.regionId() : viewer.regionId();
        }
        case FRONTLINE -> throw forbidden("frontline staff do not open orders by hand");
        };
    }

    /** A map of the non-null pairs {@code key, value, key, value, …}, for history details. */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    /** Now, at the database's precision, so the answer shows what a later read will. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException stale(long expected, Long current) {
        Problem problem = Problem.of("stale-version", "Conflict", 409, "the order is no longer at version " + expected
                + ": someone changed it meanwhile; read it again and retry on its new ETag");
        return new ProblemException(current == null ? problem : problem.with("currentVersion", current));
    }

    private static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "Conflict", 409, detail));
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail));
    }

    private static boolean isStaleAtFlush(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && UNIQUE_VIOLATION.equals(c.getSQLState())) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
