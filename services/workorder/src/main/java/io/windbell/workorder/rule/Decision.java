package io.windbell.workorder.rule;

import java.util.Optional;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderType;

/**
 * What the creation rules decided for one signal.
 *
 * @param rule
 *            the code of the rule that matched first
 * @param create
 *            what to open; {@link CreationRule.Create#NONE} opens nothing
 * @param priority
 *            the new order's priority
 */
public record Decision(String rule, CreationRule.Create create, Priority priority) {

    /** The type of order to open; empty for NONE. */
    public Optional<WorkOrderType> type() {
        return switch (create) {
        case RECOVERY -> Optional.of(WorkOrderType.RECOVERY);
        case CALLBACK -> Optional.of(WorkOrderType.CALLBACK);
        case NONE -> Optional.empty();
        };
    }
}
