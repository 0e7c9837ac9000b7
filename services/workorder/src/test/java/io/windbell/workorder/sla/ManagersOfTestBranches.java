package io.windbell.workorder.sla;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;
import io.windbell.workorder.directory.Hierarchy;
import io.windbell.workorder.order.WorkOrder;

/**
 * A directory for {@link SlaTimersTest} only (an alternative its profile enables; no other test sees it): branch
 * {@value #MANAGED} has branch manager E0101 and regional manager E0201; every other branch has nobody.
 */
@Alternative
@ApplicationScoped
public class ManagersOfTestBranches implements Hierarchy {

    static final String MANAGED = "B-sla-managed";

    @Override
    public Uni<Optional<String>> escalationTarget(WorkOrder order, int level) {
        if (!MANAGED.equals(order.branchId)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Uni.createFrom().item(Optional.of(level == 1 ? "E0101" : "E0201"));
    }
}
