package io.windbell.workorder.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.support.DirectoryFixture;
import io.windbell.workorder.support.WorkorderTestResource;

/** Escalation targets from the directory: the branch's manager, then the region's, then nobody. */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class HierarchyTest {

    @Inject
    Hierarchy hierarchy;
    @Inject
    DirectoryImports imports;

    @Test
    void levelOneIsTheBranchsManagerLevelTwoTheRegionsLowestIdAndThenNobody() throws Throwable {
        directory().staff("HT1-M,M,HT1-B,HT1-R,BRANCH_MANAGER,,,,,\nHT1-M0,M0,HT1-B,HT1-R,BRANCH_MANAGER,,,,,\n"
                + "HT1-R2,R2,HT1-X,HT1-R,REGIONAL_MANAGER,,,,,\nHT1-R1,R1,HT1-X,HT1-R,REGIONAL_MANAGER,,,,,\n"
                + "HT1-R0,R0,HT1-X,HT1-R,REGIONAL_MANAGER,,,,,false\n");
        directory().branches("HT1-B,HT1-R,Branch,HT1-M\n");
        WorkOrder order = order("HT1-B", null);

        assertThat(target(order, 1)).contains("HT1-M");
        // the order carries no region: the branch's region in the directory
        assertThat(target(order, 2)).contains("HT1-R1");
        assertThat(target(order, 3)).isEmpty();
    }

    @Test
    void withoutAnActiveNamedManagerTheBranchsFirstActiveBranchManagerIsTheTarget() throws Throwable {
        directory().staff("HT2-M,M,HT2-B,HT2-R,BRANCH_MANAGER,,,,,false\nHT2-M2,M2,HT2-B,HT2-R,BRANCH_MANAGER,,,,,\n"
                + "HT2-M1,M1,HT2-B,HT2-R,BRANCH_MANAGER,,,,,\n");
        directory().branches("HT2-B,HT2-R,Branch,HT2-M\n");

        assertThat(target(order("HT2-B", "HT2-R"), 1)).contains("HT2-M1");
        assertThat(target(order("HT2-UNKNOWN", "HT2-NONE"), 1)).isEmpty();
        assertThat(target(order("HT2-UNKNOWN", "HT2-NONE"), 2)).isEmpty();
    }

    private Optional<String> target(WorkOrder order, int level) throws Throwable {
        return VertxContextSupport
                .subscribeAndAwait(() -> Panache.withSession(() -> hierarchy.escalationTarget(order, level)));
    }

    private static WorkOrder order(String branchId, String regionId) {
        WorkOrder order = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.HIGH, "t",
                Instant.now());
        order.branchId = branchId;
        order.regionId = regionId;
        return order;
    }

    private DirectoryFixture directory() {
        return new DirectoryFixture(imports);
    }
}
