package io.windbell.workorder.directory;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.windbell.workorder.order.WorkOrder;

/**
 * The escalation hierarchy from the staff directory: level 1 is the manager of the order's branch (the branch's
 * {@code manager_id} when that employee is active, else its active {@code BRANCH_MANAGER} with the lowest id), level 2
 * the manager of its region (the region's active {@code REGIONAL_MANAGER} with the lowest id); nobody above.
 */
@ApplicationScoped
public class DirectoryHierarchy implements Hierarchy {

    @Override
    public Uni<Optional<String>> escalationTarget(WorkOrder order, int level) {
        return switch (level) {
        case 1 -> branchManager(order.branchId);
        case 2 -> regionOf(order).chain(DirectoryHierarchy::regionalManager);
        default -> Uni.createFrom().item(Optional.empty());
        };
    }

    private static Uni<Optional<String>> branchManager(String branchId) {
        if (branchId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Branch.<Branch> findById(branchId).chain(branch -> {
            if (branch == null || branch.managerId == null) {
                return firstActive("branchId", branchId, StaffRole.BRANCH_MANAGER);
            }
            return Employee.<Employee> findById(branch.managerId)
                    .chain(manager -> manager != null && manager.active
                            ? Uni.createFrom().item(Optional.of(manager.employeeId))
                            : firstActive("branchId", branchId, StaffRole.BRANCH_MANAGER));
        });
    }

    /** The order's region, else its branch's region in the directory. */
    private static Uni<String> regionOf(WorkOrder order) {
        if (order.regionId != null || order.branchId == null) {
            return Uni.createFrom().item(order.regionId);
        }
        return Branch.<Branch> findById(order.branchId).map(branch -> branch == null ? null : branch.regionId);
    }

    private static Uni<Optional<String>> regionalManager(String regionId) {
        return regionId == null ? Uni.createFrom().item(Optional.empty())
                : firstActive("regionId", regionId, StaffRole.REGIONAL_MANAGER);
    }

    private static Uni<Optional<String>> firstActive(String field, String value, StaffRole role) {
        return Employee
                .<Employee> find(field + " = ?1 and role = ?2 and active = true order by employeeId", value, role)
                .firstResult().map(employee -> Optional.ofNullable(employee).map(found -> found.employeeId));
    }
}
