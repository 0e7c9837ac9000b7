package io.windbell.workorder.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.messaging.reactive.ReactiveOutbox;
import io.windbell.workorder.events.WorkOrderEvents;
import io.windbell.workorder.routing.Routing;
import io.windbell.workorder.routing.RoutingDecision;

/**
 * The one way an order changes: every method runs in the caller's reactive transaction ({@code Panache.withTransaction}
 * around it), applies the change to the aggregate, lets the {@link WorkOrderObserver}s follow it, and writes the audit
 * trail and the events (through the outbox) with it. Callers: the consumers (intake), the REST commands, the SLA
 * timers, special tasks.
 */
@ApplicationScoped
public class WorkOrders {

    /** The CloudEvents source of every event workorder emits. */
    public static final String SOURCE = CloudEvents.source("workorder");
    /** The SLA policy code of an order no policy covers. */
    public static final String NO_SLA = "NONE";

    /** Builds an event from the order's summary as of the event's revision. */
    @FunctionalInterface
    public interface EventFactory extends Function<WorkOrderSummary, EventPayload> {
    }

    private final Routing routing;
    private final List<WorkOrderObserver> observers;
    private final WorkOrderEvents events;

    public WorkOrders(Routing routing, @All List<WorkOrderObserver> observers, WorkOrderEvents events) {
        this.routing = routing;
        this.observers = List.copyOf(observers);
        this.events = events;
    }

    /**
     * Opens {@code draft} (status OPEN): routes it, assigns it when routing found someone on shift, lets the observers
     * start their clocks, and saves it with its history ({@code CREATED}, {@code ROUTED} with the rule and reason,
     * {@code ASSIGNED}) and its events ({@code workorder.created}, then {@code workorder.assigned} when assigned).
     */
    public Uni<WorkOrder> open(WorkOrder draft, String actor, Instant now, String traceparent) {
        return routing.route(draft, now).chain(decision -> {
            List<HistoryEntry> history = new ArrayList<>();
            history.add(HistoryEntry.of(draft, actor, HistoryEntry.Action.CREATED, null,
                    Map.of("origin", draft.origin.name(), "type", draft.type.name()), now));
            place(draft, decision);
            history.add(HistoryEntry.of(draft, actor, HistoryEntry.Action.ROUTED, null, routed(decision), now));
            List<EventFactory> emitted = new ArrayList<>();
            emitted.add(summary -> new WorkOrderCreated(summary, draft.slaPolicy == null ? NO_SLA : draft.slaPolicy));
            if (decision.assigneeEmployeeId() != null) {
                WorkOrderStatus from = draft.apply(Lifecycle.Action.ASSIGN, now);
                draft.assigneeEmployeeId = decision.assigneeEmployeeId();
                history.add(HistoryEntry.of(draft, actor, HistoryEntry.Action.ASSIGNED, from,
                        Map.of("assignee", decision.assigneeEmployeeId(), "rule", decision.rule()), now));
                emitted.add(summary -> new WorkOrderAssigned(summary, null, null, decision.rule(), now));
            }
            return each(observer -> observer.opened(draft, now))
                    .chain(() -> write(draft, true, history, emitted, now, traceparent));
        });
    }

    /**
     * Moves {@code order} by {@code action} through the {@link Lifecycle} (409 when not allowed), lets the observers
     * follow the move, and saves it with one history entry and the event {@code event} builds (none when {@code null}).
     */
    public Uni<WorkOrder> move(WorkOrder order, Lifecycle.Action action, String actor, Map<String, Object> detail,
            EventFactory event, Instant now, String traceparent) {
        WorkOrderStatus from = order.apply(action, now);
        HistoryEntry entry = HistoryEntry.of(order, actor, historyAction(action), from, detail, now);
        return each(observer -> observer.moved(order, from, action, now))
                .chain(() -> save(order, List.of(entry), event == null ? List.of() : List.of(event), now, traceparent));
    }

    /**
     * Saves a change the caller made to {@code order} (no status change, or one already observed): its history entries,
     * then its events in order, each with the next revision.
     */
    public Uni<WorkOrder> save(WorkOrder order, List<HistoryEntry> history, List<EventFactory> emitted, Instant now,
            String traceparent) {
        return write(order, false, history, emitted, now, traceparent);
    }

    /**
     * Builds the events first, so that a new order is inserted with its final revision and times (persisted before, it
     * would be inserted as it was then and updated again at the flush).
     */
    private Uni<WorkOrder> write(WorkOrder order, boolean isNew, List<HistoryEntry> history, List<EventFactory> emitted,
            Instant now, String traceparent) {
        order.updatedAt = now;
        List<OutboxMessage> messages = new ArrayList<>(emitted.size());
        for (EventFactory factory : emitted) {
            EventPayload payload = factory.apply(events.summary(order, order.nextRevision()));
            messages.add(OutboxMessage.of(payload, SOURCE, now, traceparent));
        }
        return Panache.getSession().chain(session -> {
            // persisting an order an observer already persisted (to link it) changes nothing
            Uni<Void> saved = isNew ? session.persist(order) : Uni.createFrom().voidItem();
            for (HistoryEntry entry : history) {
                saved = saved.chain(() -> session.persist(entry));
            }
            return saved.chain(() -> ReactiveOutbox.append(session, messages)).chain(session::flush).replaceWith(order);
        });
    }

    /** Applies a routing decision's queue and owner to the order (not its assignee: the caller assigns). */
    public static void place(WorkOrder order, RoutingDecision decision) {
        order.queue = decision.queue();
        if (decision.branchId() != null) {
            order.branchId = decision.branchId();
        }
        if (decision.regionId() != null) {
            order.regionId = decision.regionId();
        }
    }

    /** The history details of a routing decision: its rule, reason, queue and assignee. */
    public static Map<String, Object> routed(RoutingDecision decision) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rule", decision.rule());
        detail.put("reason", decision.reason());
        detail.put("queue", decision.queue());
        if (decision.assigneeEmployeeId() != null) {
            detail.put("assignee", decision.assigneeEmployeeId());
        }
        return detail;
    }

    private Uni<Void> each(Function<WorkOrderObserver, Uni<Void>> call) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (WorkOrderObserver observer : observers) {
            all = all.chain(() -> call.apply(observer));
        }
        return all;
    }

    private static HistoryEntry.Action historyAction(Lifecycle.Action action) {
        return switch (action) {
        case ASSIGN -> HistoryEntry.Action.ASSIGNED;
        case RELEASE -> HistoryEntry.Action.RELEASED;
        case START -> HistoryEntry.Action.STARTED;
        case WAIT_FOR_CUSTOMER -> HistoryEntry.Action.WAITING_FOR_CUSTOMER;
        case RESUME -> HistoryEntry.Action.RESUMED;
        case RESOLVE -> HistoryEntry.Action.RESOLVED;
        case CLOSE -> HistoryEntry.Action.CLOSED;
        case CANCEL -> HistoryEntry.Action.CANCELLED;
        case REOPEN -> HistoryEntry.Action.REOPENED;
        };
    }
}
