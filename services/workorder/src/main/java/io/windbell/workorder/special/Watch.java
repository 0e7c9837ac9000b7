package io.windbell.workorder.special;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;

/**
 * What scoring's touchpoint alerts do to special tasks (called by intake in the message's transaction). A degradation
 * attaches to the open task of its touchpoint; else, when a task of the touchpoint was done less than the watch period
 * ago, the problem is back: the task is flagged and reopened; else it opens a task of its own. A recovery is noted on
 * the open task. Each alert acts once: its id becomes the {@code work_order_signal} row, so a redelivery, even under a
 * new message id, finds it.
 */
@ApplicationScoped
public class Watch implements TouchpointAlerts {

    static final String DEGRADED = "TOUCHPOINT_DEGRADED";
    static final String RECOVERED = "TOUCHPOINT_RECOVERED";

    private static final Logger LOG = Logger.getLogger(Watch.class);

    private final SpecialTasks tasks;
    private final CaseLinks links;
    private final WorkOrders workOrders;

    public Watch(SpecialTasks tasks, CaseLinks links, WorkOrders workOrders) {
        this.tasks = tasks;
        this.links = links;
        this.workOrders = workOrders;
    }

    @Override
    public Uni<Void> degraded(TouchpointDegradedAlert alert, Instant now, String traceparent) {
        return links.signalExists(alert.alertId())
                .chain(seen -> seen ? Uni.createFrom().voidItem()
                        : tasks.openOn(alert.touchpointCode())
                                .chain(open -> open.isPresent() ? attach(open.get(), alert, now)
                                        : tasks.lastClosedOn(alert.touchpointCode()).chain(done -> {
                                            if (done.isPresent() && WatchState
                                                    .of(done.get().closedAt, tasks.config().watchPeriod(), now)
                                                    .state() == WatchState.State.WATCHING) {
                                                return regress(done.get(), alert, now, traceparent);
                                            }
                                            return openFor(alert, now, traceparent);
                                        })));
    }

    @Override
    public Uni<Void> recovered(TouchpointRecoveredAlert alert, Instant now, String traceparent) {
        return links.signalExists(alert.alertId())
                .chain(seen -> seen ? Uni.createFrom().voidItem()
                        : tasks.openOn(alert.touchpointCode())
                                .chain(open -> open.isEmpty() ? Uni.createFrom().voidItem()
                                        : WorkOrder.<WorkOrder> findById(open.get().workOrderId).chain(task -> {
                                            Map<String, Object> detail = detail(alert.alertId().toString(), RECOVERED);
                                            detail.put("summary", "touchpoint recovered: " + Proposal
                                                    .change(alert.metric(), alert.baseline(), alert.current()));
                                            return links.attachSignal(alert.alertId(), task.id, RECOVERED, detail, now)
                                                    .chain(() -> tasks.saveLine(task, line(task,
                                                            HistoryEntry.Action.SIGNAL_ATTACHED, detail, now), now));
                                        })));
    }

    /** Attaches the degradation to the open task; a more severe one raises its priority. */
    private Uni<Void> attach(SpecialTask open, TouchpointDegradedAlert alert, Instant now) {
        return WorkOrder.<WorkOrder> findById(open.workOrderId).chain(task -> {
            Map<String, Object> detail = degradation(alert);
            var raised = Proposal.priority(alert.severity());
            if (task.priority == null || raised.compareTo(task.priority) > 0) {
                detail.put("priorityFrom", String.valueOf(task.priority));
                detail.put("priorityTo", raised.name());
                task.priority = raised;
                task.severity = alert.severity();
            }
            return links.attachSignal(alert.alertId(), task.id, DEGRADED, detail, now).chain(
                    () -> tasks.saveLine(task, line(task, HistoryEntry.Action.SIGNAL_ATTACHED, detail, now), now));
        });
    }

    /**
     * The problem is back within the watch: flag the task and reopen it ({@code workorder.reopened}, QUALITY_REVIEW).
     */
    private Uni<Void> regress(SpecialTask done, TouchpointDegradedAlert alert, Instant now, String traceparent) {
        done.regressedAt = now;
        done.regressions++;
        return WorkOrder.<WorkOrder> findById(done.workOrderId).chain(task -> {
            Map<String, Object> detail = degradation(alert);
            detail.put("closedAt", done.closedAt.toString());
            detail.put("regressions", done.regressions);
            LOG.infof("special task %s regressed: touchpoint %s degraded within its watch", task.id,
                    alert.touchpointCode());
            return links.attachSignal(alert.alertId(), task.id, DEGRADED, detail, now)
                    .chain(() -> tasks.saveLine(task, line(task, HistoryEntry.Action.REGRESSED, detail, now), now))
                    .chain(() -> workOrders.move(task, Lifecycle.Action.REOPEN, HistoryEntry.SYSTEM,
                            Map.of("reason", WorkOrderReopened.Reason.QUALITY_REVIEW.name(), "alertId",
                                    alert.alertId().toString()),
                            summary -> new WorkOrderReopened(summary, WorkOrderReopened.Reason.QUALITY_REVIEW, now,
                                    null, null),
                            now, traceparent))
                    .replaceWithVoid();
        });
    }

    /** Nothing open or watched on the touchpoint: the degradation becomes a task of its own. */
    private Uni<Void> openFor(TouchpointDegradedAlert alert, Instant now, String traceparent) {
        Proposal proposal = Proposal.forDegradation(alert, tasks.departments(), tasks.today(now),
                tasks.config().dueIn(), tasks.centralBranch());
        return tasks
                .open(proposal, WorkOrderOrigin.TOUCHPOINT_DEGRADED, PatternKey.touchpoint(alert.touchpointCode()),
                        HistoryEntry.SYSTEM, now, traceparent, alert.severity())
                .chain(task -> links.attachSignal(alert.alertId(), task.id, DEGRADED, degradation(alert), now));
    }

    private static Map<String, Object> degradation(TouchpointDegradedAlert alert) {
        Map<String, Object> detail = detail(alert.alertId().toString(), DEGRADED);
        detail.put("summary", Proposal.change(alert.metric(), alert.baseline(), alert.current()));
        if (alert.severity() != null) {
            detail.put("severity", alert.severity().name());
        }
        return detail;
    }

    private static Map<String, Object> detail(String alertId, String kind) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("alertId", alertId);
        detail.put("kind", kind);
        return detail;
    }

    private static HistoryEntry line(WorkOrder task, HistoryEntry.Action action, Map<String, Object> detail,
            Instant now) {
        return HistoryEntry.of(task, HistoryEntry.SYSTEM, action, task.status, detail, now);
    }
}
