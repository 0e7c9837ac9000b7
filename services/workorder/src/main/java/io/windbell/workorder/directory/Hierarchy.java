package io.windbell.workorder.directory;

import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.windbell.workorder.order.WorkOrder;

/** Who an order escalates to: level 1 the manager of its branch, level 2 the manager of its region, and so on. */
public interface Hierarchy {

    /** The employee accountable at {@code level} (1 = branch manager, 2 = regional manager), if the directory knows. */
    Uni<Optional<String>> escalationTarget(WorkOrder order, int level);
}
