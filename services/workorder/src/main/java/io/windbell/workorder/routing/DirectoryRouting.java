package io.windbell.workorder.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.directory.Branch;
import io.windbell.workorder.directory.Employee;
import io.windbell.workorder.directory.Hierarchy;
import io.windbell.workorder.directory.RelationshipManager;
import io.windbell.workorder.directory.StaffLoads;
import io.windbell.workorder.order.Queues;
import io.windbell.workorder.order.WorkOrder;

/**
 * Routing by the staff directory: loads the {@link RoutingFacts} of an order in the caller's transaction (its RM, its
 * branch, the staff of the branch, the region and the central branch with their loads) and lets the {@link Router}
 * decide. Reads only: the caller applies the decision, so SLA escalation or a "return to queue" may call it too.
 */
@ApplicationScoped
public class DirectoryRouting implements Routing {

    /** The rule of a special task's routing. */
    public static final String SPECIAL_TASK_OWNER = "SPECIAL_TASK_OWNER";

    private final Router router;
    private final Hierarchy hierarchy;
    private final StaffLoads loads;
    private final String centralBranch;

    public DirectoryRouting(Shifts shifts, WorkorderConfig config, StaffLoads loads, Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.router = new Router(shifts::isWorking, ZoneId.of(config.timeZone()), config.centralBranch());
        this.loads = loads;
        this.centralBranch = config.centralBranch();
    }

    @Override
    public Uni<RoutingDecision> route(WorkOrder order, Instant now) {
        if (order.type == WorkOrderType.SPECIAL_TASK) {
            return specialTask(order);
        }
        Uni<RelationshipManager> rm = order.customerId == null ? Uni.createFrom().nullItem()
                : RelationshipManager.findById(order.customerId);
        Uni<Branch> branch = order.branchId == null ? Uni.createFrom().nullItem() : Branch.findById(order.branchId);
        // one after the other: a reactive session runs one operation at a time
        return rm.chain(assignment -> branch.chain(known -> {
            String regionId = known != null && known.regionId != null ? known.regionId : order.regionId;
            String rmId = assignment == null ? null : assignment.employeeId;
            return candidates(rmId, order.branchId, regionId).map(staff -> router.decide(
                    new RoutingFacts(order.branchId, regionId, known != null, order.journeyCode, rmId, staff), now));
        }));
    }

    /**
     * A special task is a systemic problem, never a frontline call-back: one local to a branch is its branch manager's
     * to fix; a bank-wide one (or a branch without a manager in the directory) waits in the central queue for the owner
     * department, which takes it from there (ADR 0021).
     */
    private Uni<RoutingDecision> specialTask(WorkOrder order) {
        boolean local = order.branchId != null && !order.branchId.equals(centralBranch);
        Uni<Optional<String>> manager = local ? hierarchy.escalationTarget(order, 1)
                : Uni.createFrom().item(Optional.empty());
        return manager
                .map(found -> found
                        .map(id -> new RoutingDecision(Queues.branch(order.branchId), id, SPECIAL_TASK_OWNER,
                                "a special task local to " + order.branchId + ": its branch manager " + id
                                        + " owns the fix",
                                order.branchId, order.regionId))
                        .orElseGet(() -> new RoutingDecision(Queues.CENTRAL, null, SPECIAL_TASK_OWNER,
                                (local ? "branch " + order.branchId + " has no manager in the directory; "
                                        : "bank-wide: ") + "waits in the central queue for " + order.ownerDepartment,
                                order.branchId == null ? centralBranch : order.branchId, order.regionId)));
    }

    /** The RM, the staff of the branch, of the region and of the central branch, each with their load. */
    private Uni<List<Candidate>> candidates(String rmId, String branchId, String regionId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        where.add("branchId = :central");
        parameters.put("central", centralBranch);
        Optional.ofNullable(rmId).ifPresent(id -> {
            where.add("employeeId = :rm");
            parameters.put("rm", id);
        });
        Optional.ofNullable(branchId).ifPresent(id -> {
            where.add("branchId = :branch");
            parameters.put("branch", id);
        });
        Optional.ofNullable(regionId).ifPresent(id -> {
            where.add("regionId = :region");
            parameters.put("region", id);
        });
        // read-only: the candidates are looked at, never changed, so the flushes of the order's transaction (one before
        // every later query) need not dirty-check them (a profile of the bench showed the session's flushes); Panache's
        // find(...).withHint is not supported by Hibernate Reactive
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Employee> query = session
                    .createSelectionQuery("from Employee where " + String.join(" or ", where), Employee.class)
                    .setReadOnly(true);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).chain(employees -> loads.of(employees.stream().map(employee -> employee.employeeId).toList())
                .map(load -> employees.stream().map(
                        employee -> candidate(employee, load.getOrDefault(employee.employeeId, StaffLoads.Load.NONE)))
                        .toList()));
    }

    private static Candidate candidate(Employee employee, StaffLoads.Load load) {
        return new Candidate(employee.employeeId, employee.branchId, employee.regionId, employee.role, employee.active,
                employee.onLeaveUntil, employee.calendar, List.of(employee.skills), employee.capacity,
                load.openOrders(), load.lastAssignedAt());
    }
}
