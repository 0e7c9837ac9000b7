package io.windbell.workorder.special;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;

/**
 * What a CX admin does to special tasks by hand: propose one with its cases, link more cases, change owner or due date.
 */
@ApplicationScoped
public class SpecialTaskCommands {

    /** A manual proposal, checked for its form by the resource. */
    public record Manual(String title, String touchpointCode, String errorCode, String ownerDepartment,
            LocalDate dueDate, Priority priority, List<UUID> caseIds) {
    }

    private final SpecialTasks tasks;

    public SpecialTaskCommands(SpecialTasks tasks) {
        this.tasks = tasks;
    }

    /**
     * Opens the task (origin MANUAL) and links its cases. With a touchpoint it holds that touchpoint's pattern, so a
     * second open task for it is a 409.
     */
    public Uni<WorkOrder> propose(Manual manual, String actor, Instant now) {
        PatternKey key = manual.touchpointCode() == null ? null : PatternKey.touchpoint(manual.touchpointCode());
        Uni<Void> free = key == null ? Uni.createFrom().voidItem() : tasks.openTask(List.of(key)).invoke(open -> {
            if (open.isPresent()) {
                throw ProblemException.conflict("special task " + open.get().workOrderId + " is open for touchpoint "
                        + manual.touchpointCode() + ": link the cases to it");
            }
        }).replaceWithVoid();
        return free.chain(() -> cases(manual.caseIds())).chain(cases -> {
            Spread spread = spread(cases);
            Proposal proposal = new Proposal(manual.title(),
                    manual.priority() == null ? Priority.HIGH : manual.priority(), manual.touchpointCode(),
                    manual.errorCode(),
                    manual.ownerDepartment() != null ? manual.ownerDepartment()
                            : tasks.departments().owner(manual.touchpointCode()),
                    manual.dueDate() != null ? manual.dueDate()
                            : tasks.today(now).plusDays(tasks.config().dueIn().toDays()),
                    spread.branchId() != null ? spread.branchId() : tasks.centralBranch(), spread.regionId());
            return tasks.open(proposal, WorkOrderOrigin.MANUAL, key, actor, now, null, null)
                    .call(task -> tasks.task(task.id).chain(
                            special -> tasks.linkStored(task, manual.caseIds(), special.patternKey, actor, now)));
        });
    }

    /** Links more cases to an open or watched task, based on its version {@code expected}. */
    public Uni<WorkOrder> link(WorkOrder task, long expected, List<UUID> caseIds, String actor, Instant now) {
        requireVersion(task, expected);
        return cases(caseIds)
                .chain(cases -> tasks.task(task.id)
                        .chain(special -> tasks.linkStored(task, caseIds, special.patternKey, actor, now)))
                .replaceWith(task);
    }

    /** Changes the owner department and/or the due date, based on the task's version {@code expected}. */
    public Uni<WorkOrder> change(WorkOrder task, long expected, String ownerDepartment, LocalDate dueDate, String actor,
            Instant now) {
        requireVersion(task, expected);
        Map<String, Object> changed = new LinkedHashMap<>();
        if (ownerDepartment != null && !ownerDepartment.equals(task.ownerDepartment)) {
            changed.put("ownerDepartment", Map.of("from", String.valueOf(task.ownerDepartment), "to", ownerDepartment));
            task.ownerDepartment = ownerDepartment;
        }
        if (dueDate != null && !dueDate.equals(task.dueDate)) {
            changed.put("dueDate", Map.of("from", String.valueOf(task.dueDate), "to", dueDate.toString()));
            task.dueDate = dueDate;
        }
        if (changed.isEmpty()) {
            return Uni.createFrom().item(task);
        }
        HistoryEntry line = HistoryEntry.of(task, actor, HistoryEntry.Action.UPDATED, task.status, changed, now);
        return tasks.saveLine(task, line, now).replaceWith(task);
    }

    private static void requireVersion(WorkOrder task, long expected) {
        if (task.version != expected) {
            throw new ProblemException(Problem
                    .of("stale-version", "Stale version", 409, "the task is at version " + task.version
                            + ", the change was based on " + expected + ": read it again")
                    .with("currentVersion", task.version));
        }
    }

    /** The cases, each a RECOVERY or CALLBACK that no task holds: 400 naming each id that is not, 409 if linked. */
    private Uni<List<WorkOrder>> cases(List<UUID> ids) {
        return WorkOrder.<WorkOrder> list("id in ?1", ids).map(found -> {
            List<Violation> violations = new ArrayList<>();
            List<WorkOrder> ordered = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                UUID id = ids.get(i);
                WorkOrder kase = found.stream().filter(order -> order.id.equals(id)).findFirst().orElse(null);
                if (kase == null || !PatternKeys.isCase(kase)) {
                    violations.add(new Violation("caseIds[" + i + "]", "no RECOVERY or CALLBACK order " + id));
                } else if (kase.specialTaskId != null) {
                    violations.add(new Violation("caseIds[" + i + "]",
                            "linked to special task " + kase.specialTaskId + " already"));
                } else {
                    ordered.add(kase);
                }
            }
            if (!violations.isEmpty()) {
                throw new ProblemException(Problem
                        .of("invalid-request", "Invalid request", 400, violations.size() + " case(s) cannot be linked")
                        .withViolations(violations));
            }
            return ordered;
        });
    }

    private static Spread spread(List<WorkOrder> cases) {
        return new Spread(null, null, common(cases.stream().map(c -> c.branchId).toList()),
                common(cases.stream().map(c -> c.regionId).toList()));
    }

    private static String common(List<String> values) {
        List<String> distinct = values.stream().distinct().toList();
        return distinct.size() == 1 ? distinct.getFirst() : null;
    }
}
