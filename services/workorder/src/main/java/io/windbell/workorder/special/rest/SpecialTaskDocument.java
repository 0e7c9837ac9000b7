package io.windbell.workorder.special.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderResolved.RecoveryOutcome;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.special.SpecialTask;
import io.windbell.workorder.special.WatchState;

/** A special task as the API shows it; {@code cases} only in the answer about one task. */
@Schema(name = "SpecialTask")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecialTaskDocument(UUID id, @Schema(description = "the ETag: send it in If-Match") long version,
        String title, WorkOrderStatus status, Priority priority, WorkOrderOrigin origin, String ownerDepartment,
        LocalDate dueDate, String touchpointCode, String errorCode,
        @Schema(description = "the pattern key, e.g. touchpoint:transfer.submit") String pattern, String branchId,
        String regionId, String assigneeEmployeeId, Instant createdAt, Instant closedAt,
        @Schema(description = "OPEN, WATCHING (done, its touchpoint watched until watchUntil) or ENDED") WatchState.State watch,
        Instant watchUntil, @Schema(description = "whether the problem came back while watched") boolean regressed,
        Instant regressedAt, int regressions,
        @Schema(description = "scoring's O-data of the touchpoint (read with the caller's own token)") String scoringLink,
        Long caseCount, List<Case> cases) {

    /** A linked case: what it is and where it stands; the customer only for callers who may see customers. */
    @Schema(name = "SpecialTaskCase")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Case(UUID id, WorkOrderType type, String branchId, WorkOrderStatus status, RecoveryOutcome outcome,
            String touchpointCode, Instant createdAt, String customerId) {

        static Case of(WorkOrder kase, boolean withCustomer) {
            return new Case(kase.id, kase.type, kase.branchId, kase.status, kase.outcome, kase.touchpointCode,
                    kase.createdAt, withCustomer ? kase.customerId : null);
        }
    }

    static SpecialTaskDocument of(WorkOrder task, SpecialTask special, WatchState watch, String scoringLink,
            Long caseCount, List<Case> cases) {
        return new SpecialTaskDocument(task.id, task.version, task.title, task.status, task.priority, task.origin,
                task.ownerDepartment, task.dueDate, task.touchpointCode, task.errorCode,
                special == null ? null : special.patternKey, task.branchId, task.regionId, task.assigneeEmployeeId,
                task.createdAt, special == null ? null : special.closedAt, watch.state(), watch.until(),
                special != null && special.regressedAt != null, special == null ? null : special.regressedAt,
                special == null ? 0 : special.regressions, scoringLink, caseCount, cases);
    }
}
