package io.windbell.workorder.special;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;

/**
 * The use cases every source of special tasks shares (the pattern detector, the touchpoint watch, the REST API): open a
 * task through {@link WorkOrders} with its {@link SpecialTask} row, and link cases to it with a history line on both.
 * Runs in the caller's reactive transaction.
 */
@ApplicationScoped
public class SpecialTasks {

    private final WorkOrders workOrders;
    private final CaseLinks links;
    private final SpecialTaskConfig config;
    private final Departments departments;
    private final ZoneId zone;
    private final String centralBranch;

    public SpecialTasks(WorkOrders workOrders, CaseLinks links, SpecialTaskConfig config, WorkorderConfig service) {
        this.workOrders = workOrders;
        this.links = links;
        this.config = config;
        this.departments = Departments.of(config);
        this.zone = ZoneId.of(service.timeZone());
        this.centralBranch = service.centralBranch();
    }

    public SpecialTaskConfig config() {
        return config;
    }

    public Departments departments() {
        return departments;
    }

    public String centralBranch() {
        return centralBranch;
    }

    /** Today in the bank's zone: due dates are bank days. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /**
     * Opens a SPECIAL_TASK as proposed (routed, SLA-timed, {@code workorder.created}) with its {@link SpecialTask} row.
     * A second open task for the same pattern fails the transaction with 23505 (unique index), which the consumers
     * retry: the retry finds the winner and links to it.
     *
     * @param key
     *            the pattern; {@code null} for a task of its own ({@link PatternKey#manual})
     * @param severity
     *            the severity of the alert that opened it, if one did
     */
    public Uni<WorkOrder> open(Proposal proposal, WorkOrderOrigin origin, PatternKey key, String actor, Instant now,
            String traceparent, Severity severity) {
        WorkOrder draft = WorkOrder.draft(WorkOrderType.SPECIAL_TASK, origin, proposal.priority(), proposal.title(),
                now);
        draft.touchpointCode = proposal.touchpointCode();
        draft.errorCode = proposal.errorCode();
        draft.ownerDepartment = proposal.ownerDepartment();
        draft.dueDate = proposal.dueDate();
        draft.branchId = proposal.branchId();
        draft.regionId = proposal.regionId();
        draft.severity = severity;
        PatternKey pattern = key != null ? key : PatternKey.manual(draft.id);
        return workOrders.open(draft, actor, now, traceparent)
                .call(task -> Panache.getSession().chain(session -> session
                        .persist(SpecialTask.of(task.id, pattern, task.touchpointCode, now)).chain(session::flush)));
    }

    /** The open special task that holds the first of {@code keys} one holds, if any. */
    public Uni<Optional<SpecialTask>> openTask(List<PatternKey> keys) {
        List<String> values = keys.stream().map(PatternKey::value).toList();
        return SpecialTask.<SpecialTask> list("patternKey in ?1 and closedAt is null", values).map(open -> {
            for (String value : values) {
                Optional<SpecialTask> held = open.stream().filter(task -> task.patternKey.equals(value)).findFirst();
                if (held.isPresent()) {
                    return held;
                }
            }
            return Optional.empty();
        });
    }

    /** The special-task row of a task. */
    public Uni<SpecialTask> task(UUID id) {
        return SpecialTask.findById(id);
    }

    /** The open special task on a touchpoint, if any (a degradation attaches to it). */
    public Uni<Optional<SpecialTask>> openOn(String touchpointCode) {
        return SpecialTask
                .<SpecialTask> find("touchpointCode = ?1 and closedAt is null order by createdAt desc", touchpointCode)
                .firstResult().map(Optional::ofNullable);
    }

    /** The task on a touchpoint that was done last, if any (its watch may still run). */
    public Uni<Optional<SpecialTask>> lastClosedOn(String touchpointCode) {
        return SpecialTask.<SpecialTask> find("touchpointCode = ?1 and closedAt is not null order by closedAt desc",
                touchpointCode).firstResult().map(Optional::ofNullable);
    }

    /**
     * Links stored cases (not the aggregate of the caller's change) to {@code task}: a history line on each case, one
     * on the task listing them.
     */
    public Uni<Integer> linkStored(WorkOrder task, List<UUID> caseIds, String patternKey, String actor, Instant now) {
        return links.linkStored(task.id, caseIds, patternKey, actor, now).call(linked -> linked == 0
                ? Uni.createFrom().voidItem() : saveLine(task, taskLine(task, caseIds, patternKey, actor, now), now));
    }

    /** Saves one history line of a task (no event: no contract carries a link or an edit of a special task). */
    public Uni<Void> saveLine(WorkOrder task, HistoryEntry line, Instant now) {
        return workOrders.save(task, List.of(line), List.of(), now, null).replaceWithVoid();
    }

    /**
     * Links the case a {@link io.windbell.workorder.order.WorkOrderObserver} is following to {@code task}: on the
     * aggregate, so the change in progress saves it. A case being opened is not in the database yet, and its history
     * line needs its row: it is persisted (and flushed) first; {@link WorkOrders#open} persisting it again is a no-op.
     */
    public Uni<Void> linkFollowed(WorkOrder kase, boolean opening, WorkOrder task, String patternKey, Instant now) {
        kase.specialTaskId = task.id;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("specialTaskId", task.id.toString());
        detail.put("pattern", patternKey);
        HistoryEntry line = HistoryEntry.of(kase, HistoryEntry.SYSTEM, HistoryEntry.Action.LINKED_TO_SPECIAL_TASK,
                kase.status, detail, now);
        return Panache.getSession().chain(session -> {
            Uni<Void> stored = opening ? session.persist(kase).chain(session::flush) : Uni.createFrom().voidItem();
            return stored.chain(() -> session.persist(line));
        });
    }

    /** The task's history line for cases linked to it. */
    public HistoryEntry taskLine(WorkOrder task, List<UUID> caseIds, String patternKey, String actor, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cases", caseIds.stream().map(UUID::toString).toList());
        if (patternKey != null) {
            detail.put("pattern", patternKey);
        }
        return HistoryEntry.of(task, actor, HistoryEntry.Action.LINKED_TO_SPECIAL_TASK, task.status, detail, now);
    }
}
