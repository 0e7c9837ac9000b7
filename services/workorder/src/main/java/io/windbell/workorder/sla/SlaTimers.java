package io.windbell.workorder.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderSlaWarning;
import io.windbell.platform.background.Periodic;
import io.windbell.workorder.calendar.BusinessCalendars;
import io.windbell.workorder.directory.Hierarchy;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;

/**
 * Fires due SLA timers: every replica polls, and each transaction claims a batch with {@code FOR UPDATE SKIP LOCKED},
 * so two replicas never fire the same timer. A warning emits {@code workorder.sla-warning}; a breach marks the order
 * breached and escalates it to level 1 (branch manager) and schedules level 2 (regional manager) after the policy's
 * {@code escalateAfter}; {@code workorder.escalated} is emitted only when the directory names a manager. Everything
 * goes through {@link WorkOrders}, in the claiming transaction: a failure rolls the batch back and the next poll
 * retries it.
 */
@ApplicationScoped
public class SlaTimers {

    /** The history reason of an escalation nobody could be named for. */
    static final String NO_MANAGER = "no manager in the directory";

    private static final Logger LOG = Logger.getLogger(SlaTimers.class);

    // a paused order's timers are not claimed: RESUME moves them
    private static final String CLAIM = """
            select t.* from sla_timer t join work_order o on o.id = t.work_order_id
            where t.fired_at is null and not t.cancelled and t.due_at <= :now and o.sla_paused_since is null
            order by t.due_at, t.id limit :limit
            for update of t skip locked""";

    private final SlaConfig config;
    private final WorkOrders workOrders;
    private final SlaPolicyCatalog policies;
    private final BusinessCalendars calendars;
    private final Hierarchy hierarchy;
    private Periodic worker;

    public SlaTimers(SlaConfig config, WorkOrders workOrders, SlaPolicyCatalog policies, BusinessCalendars calendars,
            Hierarchy hierarchy) {
        this.config = config;
        this.workOrders = workOrders;
        this.policies = policies;
        this.calendars = calendars;
        this.hierarchy = hierarchy;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("SLA timers are not fired by this replica (windbell.workorder.sla.enabled=false)");
            return;
        }
        worker = new Periodic("sla-timers", config.pollInterval(), config.pollInterval(), this::pollOnce).start();
    }

    /** One round of the worker: whether a full batch was claimed (then the next round starts at once). */
    private boolean pollOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> fireDue(Instant.now())) >= config.batchSize();
        } catch (Exception e) {
            throw e;
        } catch (Throwable t) {
            // an Error from the reactive pipeline: Periodic logs Exceptions and retries after its backoff
            throw new IllegalStateException(t);
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.close();
        }
    }

    /**
     * Claims up to {@code batch-size} timers due at {@code now} in one transaction and fires, drops or holds each.
     *
     * @return how many timers were claimed (a full batch means more may be waiting)
     */
    public Uni<Integer> fireDue(Instant now) {
        return Panache
                .withTransaction(() -> Panache
                        .getSession().chain(session -> session.createNativeQuery(CLAIM, SlaTimer.class)
                                .setParameter("now", now).setParameter("limit", config.batchSize()).getResultList())
                        .chain(timers -> {
                            Uni<Void> all = Uni.createFrom().voidItem();
                            for (SlaTimer timer : timers) {
                                all = all.chain(() -> handle(timer, now));
                            }
                            return all.replaceWith(timers.size());
                        }));
    }

    private Uni<Void> handle(SlaTimer timer, Instant now) {
        return WorkOrder.<WorkOrder> findById(timer.workOrderId).chain(order -> {
            SlaSchedule.Decision decision = order == null ? SlaSchedule.Decision.DROP
                    : SlaSchedule.decide(timer.kind, order);
            Optional<SlaPolicyCatalog.Timed> timed = order == null ? Optional.empty() : policies.of(order);
            if (decision == SlaSchedule.Decision.HOLD) {
                return Uni.createFrom().voidItem();
            }
            if (decision == SlaSchedule.Decision.DROP || timed.isEmpty()) {
                timer.cancelled = true;
                return Uni.createFrom().voidItem();
            }
            timer.firedAt = now;
            LOG.debugf("SLA timer %d %s of order %s fired", timer.id, timer.kind, order.id);
            if (timer.kind.isWarning()) {
                return warn(order, timer.kind.target(), timed.get().policy(), now);
            }
            return breachOrEscalate(order, timer.kind, timed.get().policy(), now);
        });
    }

    private Uni<Void> warn(WorkOrder order, WorkOrderSlaWarning.Target target, SlaPolicy policy, Instant now) {
        Instant dueAt = dueAt(order, target);
        Map<String, Object> detail = Map.of("target", target.name(), "dueAt", dueAt.toString(), "share",
                policy.warningShare());
        HistoryEntry entry = HistoryEntry.of(order, HistoryEntry.SYSTEM, HistoryEntry.Action.SLA_WARNING, order.status,
                detail, now);
        WorkOrders.EventFactory event = summary -> new WorkOrderSlaWarning(summary, target, dueAt,
                policy.warningShare(), now);
        return workOrders.save(order, List.of(entry), List.of(event), now, null).replaceWithVoid();
    }

    private Uni<Void> breachOrEscalate(WorkOrder order, SlaTimerKind kind, SlaPolicy policy, Instant now) {
        List<HistoryEntry> history = new ArrayList<>();
        List<WorkOrders.EventFactory> events = new ArrayList<>();
        int level = 2;
        if (kind.isBreach()) {
            WorkOrderSlaWarning.Target target = kind.target();
            if (target == WorkOrderSlaWarning.Target.FIRST_RESPONSE) {
                order.firstResponseBreached = true;
            } else {
                order.resolutionBreached = true;
            }
            history.add(HistoryEntry.of(order, HistoryEntry.SYSTEM, HistoryEntry.Action.SLA_BREACHED, order.status,
                    Map.of("target", target.name(), "dueAt", dueAt(order, target).toString()), now));
            level = 1;
        }
        if (order.escalationLevel >= level) {
            // a second breach of an order already escalated: recorded, not escalated again
            return workOrders.save(order, history, events, now, null).replaceWithVoid();
        }
        int to = level;
        return hierarchy.escalationTarget(order, to).chain(manager -> {
            order.escalationLevel = to;
            order.escalatedToEmployeeId = manager.orElse(null);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("level", to);
            detail.put("reason", WorkOrderEscalated.Reason.SLA_BREACHED.name());
            manager.ifPresentOrElse(employee -> detail.put("to", employee), () -> detail.put("note", NO_MANAGER));
            history.add(HistoryEntry.of(order, HistoryEntry.SYSTEM, HistoryEntry.Action.ESCALATED, order.status, detail,
                    now));
            manager.ifPresent(employee -> events.add(
                    summary -> new WorkOrderEscalated(summary, WorkOrderEscalated.Reason.SLA_BREACHED, employee, now)));
            Uni<Void> next = Uni.createFrom().voidItem();
            if (to == 1) {
                Instant levelTwo = SlaSchedule.escalation(calendars.forRegion(order.regionId), policy, now);
                next = SlaTimer.of(order.id, SlaTimerKind.ESCALATION_LEVEL_2, levelTwo).persist().replaceWithVoid();
            }
            return next.chain(() -> workOrders.save(order, history, events, now, null)).replaceWithVoid();
        });
    }

    private static Instant dueAt(WorkOrder order, WorkOrderSlaWarning.Target target) {
        Instant due = target == WorkOrderSlaWarning.Target.FIRST_RESPONSE ? order.firstResponseDueAt
                : order.resolutionDueAt;
        return due == null ? order.createdAt : due;
    }
}
