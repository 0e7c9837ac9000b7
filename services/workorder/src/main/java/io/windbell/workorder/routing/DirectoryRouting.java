package io.windbell.workorder.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.directory.Branch;
import io.windbell.workorder.directory.Employee;
import io.windbell.workorder.directory.RelationshipManager;
import io.windbell.workorder.directory.StaffLoads;
import io.windbell.workorder.order.WorkOrder;

/**
 * Routing by the staff directory: loads the {@link RoutingFacts} of an order in the caller's transaction (its RM, its
 * branch, the staff of the branch, the region and the central branch with their loads) and lets the {@link Router}
 * decide. Reads only: the caller applies the decision, so SLA escalation or a "return to queue" may call it too.
 */
@ApplicationScoped
public class DirectoryRouting implements Routing {

    private final Router router;
    private final StaffLoads loads;
    private final String centralBranch;

    public DirectoryRouting(Shifts shifts, WorkorderConfig config, StaffLoads loads) {
        this.router = new Router(shifts::isWorking, ZoneId.of(config.timeZone()), config.centralBranch());
        this.loads = loads;
        this.centralBranch = config.centralBranch();
    }

    @Override
    public Uni<RoutingDecision> route(WorkOrder order, Instant now) {
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
        return Employee.<Employee> list(String.join(" or ", where), parameters).chain(employees -> loads
                .of(employees.stream().map(employee -> employee.employeeId).toList())
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
