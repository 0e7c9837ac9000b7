package io.windbell.workorder.special;

import java.util.ArrayList;
import java.util.List;

import io.windbell.contracts.workorder.WorkOrderResolved.RootCause;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.WorkOrder;

/** The patterns a recovery case takes part in: by what it is about when opened, by its root cause when resolved. */
public final class PatternKeys {

    private PatternKeys() {
    }

    /** Whether {@code order} is a case patterns are made of: a RECOVERY or a CALLBACK, never a special task. */
    public static boolean isCase(WorkOrder order) {
        return order.type == WorkOrderType.RECOVERY || order.type == WorkOrderType.CALLBACK;
    }

    /** The keys of a case just opened: its touchpoint, then its error code, as far as it has them. */
    public static List<PatternKey> opened(WorkOrder order) {
        if (!isCase(order)) {
            return List.of();
        }
        List<PatternKey> keys = new ArrayList<>(2);
        if (order.touchpointCode != null) {
            keys.add(PatternKey.touchpoint(order.touchpointCode));
        }
        if (order.errorCode != null) {
            keys.add(PatternKey.errorCode(order.errorCode));
        }
        return keys;
    }

    /**
     * The key of a case just resolved: its root-cause code when the assignee chose one, else its root-cause category at
     * its touchpoint. OTHER says nothing in common, so it makes no pattern.
     */
    public static List<PatternKey> resolved(WorkOrder order) {
        if (!isCase(order)) {
            return List.of();
        }
        if (order.rootCauseCode != null) {
            return List.of(PatternKey.rootCauseCode(order.rootCauseCode));
        }
        if (order.rootCause != null && order.rootCause != RootCause.OTHER && order.touchpointCode != null) {
            return List.of(PatternKey.rootCause(order.rootCause.name(), order.touchpointCode));
        }
        return List.of();
    }
}
