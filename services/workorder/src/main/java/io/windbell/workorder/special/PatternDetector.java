package io.windbell.workorder.special;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrderObserver;

/**
 * Turns recurring recovery cases into special tasks, in the transaction that opens or resolves a case: a case that
 * shares a pattern (touchpoint, error code; root cause once resolved) with an open special task is linked to it; else,
 * when {@code min-cases} unlinked cases of the pattern fall within the window, a SPECIAL_TASK is proposed and all of
 * them linked. Special tasks themselves make no pattern.
 * <p>
 * ArC runs an {@code @All} list of observers highest {@code @Priority} first; this one has a low priority so that it
 * runs after the SLA clock (whose due times it does not read, but whose order it should not disturb).
 */
@ApplicationScoped
@Priority(PatternDetector.PRIORITY)
public class PatternDetector implements WorkOrderObserver {

    /** Below the SLA clock's: ArC calls higher priorities first. */
    public static final int PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(PatternDetector.class);

    private final SpecialTasks tasks;
    private final CaseLinks links;
    private final SpecialTaskConfig config;

    public PatternDetector(SpecialTasks tasks, CaseLinks links, SpecialTaskConfig config) {
        this.tasks = tasks;
        this.links = links;
        this.config = config;
    }

    @Override
    public Uni<Void> opened(WorkOrder order, Instant now) {
        return detect(order, PatternKeys.opened(order), true, now);
    }

    @Override
    public Uni<Void> moved(WorkOrder order, WorkOrderStatus from, Lifecycle.Action action, Instant now) {
        // the root cause is known from RESOLVE on; a case linked by its touchpoint stays with that task
        if (action != Lifecycle.Action.RESOLVE) {
            return Uni.createFrom().voidItem();
        }
        return detect(order, PatternKeys.resolved(order), false, now);
    }

    private Uni<Void> detect(WorkOrder kase, List<PatternKey> keys, boolean opening, Instant now) {
        if (keys.isEmpty() || kase.specialTaskId != null) {
            return Uni.createFrom().voidItem();
        }
        return tasks.openTask(keys).chain(open -> open.isPresent() ? joinOpen(kase, opening, open.get(), now)
                : countFrom(kase, keys, 0, opening, now));
    }

    /** The pattern has an open task: the case joins it, whatever the count. */
    private Uni<Void> joinOpen(WorkOrder kase, boolean opening, SpecialTask held, Instant now) {
        // the task's trail gets a line, its row is not touched: joins from two consumers never conflict on the task's
        // version (saving the task here made every join an UPDATE of one hot row; the bench retried them for seconds)
        return WorkOrder.<WorkOrder> findById(held.workOrderId).chain(task -> tasks
                .linkFollowed(kase, opening, task, held.patternKey, now)
                .chain(() -> Panache.getSession().chain(session -> session
                        .persist(tasks.taskLine(task, List.of(kase.id), held.patternKey, HistoryEntry.SYSTEM, now)))));
    }

    /** Counts the keys in order; the first that reaches {@code min-cases} proposes a task, the others wait. */
    private Uni<Void> countFrom(WorkOrder kase, List<PatternKey> keys, int index, boolean opening, Instant now) {
        if (index == keys.size()) {
            return Uni.createFrom().voidItem();
        }
        PatternKey key = keys.get(index);
        return links.count(key, kase.id, now.minus(config.window()), now).chain(count -> {
            // the case at hand is not in the count: it is not flushed yet (opened) or changed in memory (resolved)
            if (count.cases() + 1 < config.minCases()) {
                return countFrom(kase, keys, index + 1, opening, now);
            }
            return propose(kase, key, count, opening, now);
        });
    }

    private Uni<Void> propose(WorkOrder kase, PatternKey key, CaseLinks.PatternCount count, boolean opening,
            Instant now) {
        int cases = (int) count.cases() + 1;
        Proposal proposal = Proposal.forPattern(key, cases,
                count.spread(kase.touchpointCode, kase.errorCode, kase.branchId, kase.regionId), config.window(),
                tasks.departments(), tasks.today(now), config.dueIn(), tasks.centralBranch());
        List<UUID> all = new ArrayList<>(count.ids());
        all.add(kase.id);
        return tasks.open(proposal, WorkOrderOrigin.RECURRING_PATTERN, key, HistoryEntry.SYSTEM, now, null, null)
                .chain(task -> {
                    LOG.infof("special task %s proposed for pattern %s with %d cases", task.id, key.value(), cases);
                    return links.linkStored(task.id, count.ids(), key.value(), HistoryEntry.SYSTEM, now)
                            .chain(() -> tasks.linkFollowed(kase, opening, task, key.value(), now))
                            .chain(() -> saveTaskLine(task, all, key.value(), now));
                });
    }

    private Uni<Void> saveTaskLine(WorkOrder task, List<UUID> caseIds, String patternKey, Instant now) {
        return tasks.saveLine(task, tasks.taskLine(task, caseIds, patternKey, HistoryEntry.SYSTEM, now), now);
    }
}
