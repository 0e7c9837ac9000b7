package io.windbell.workorder.directory;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.windbell.workorder.order.WorkOrder;

/** SKELETON ONLY, replaced by the staff directory: nobody to escalate to. */
@ApplicationScoped
@DefaultBean
public class NoHierarchy implements Hierarchy {

    @Override
    public Uni<Optional<String>> escalationTarget(WorkOrder order, int level) {
        return Uni.createFrom().item(Optional.empty());
    }
}
