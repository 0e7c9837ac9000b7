package io.windbell.workorder.special;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.security.DataScope;
import io.windbell.workorder.order.WorkOrder;

/** The reads of the special-task API, within the caller's scope: a page of tasks, one task with its linked cases. */
@ApplicationScoped
public class SpecialTaskReads {

    /** The most linked cases one task answer lists; {@code caseCount} tells how many there are. */
    public static final int MAX_CASES = 500;

    /** A task with its special-task row. */
    public record Row(WorkOrder task, SpecialTask special) {
    }

    /** A task, its linked cases within the caller's scope (at most {@link #MAX_CASES}) and how many it has in all. */
    public record Detail(Row row, List<WorkOrder> cases, long caseCount) {
    }

    /** The list filters; each {@code null} for "any". */
    public record Filter(WorkOrderStatus status, String touchpointCode, String ownerDepartment) {
    }

    /** Newest first, after {@code after}; {@code limit + 1} rows at most, so the caller knows whether more follow. */
    public Uni<List<Row>> list(Filter filter, DataScope.Filter scope, Keyset after, int limit) {
        StringBuilder query = new StringBuilder("type = :type");
        Parameters parameters = Parameters.with("type", WorkOrderType.SPECIAL_TASK);
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.touchpointCode() != null) {
            query.append(" and touchpointCode = :touchpoint");
            parameters.and("touchpoint", filter.touchpointCode());
        }
        if (filter.ownerDepartment() != null) {
            query.append(" and ownerDepartment = :department");
            parameters.and("department", filter.ownerDepartment());
        }
        if (scope.branchId() != null) {
            query.append(" and branchId = :branch");
            parameters.and("branch", scope.branchId());
        }
        if (scope.regionId() != null) {
            query.append(" and regionId = :region");
            parameters.and("region", scope.regionId());
        }
        if (after != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        return WorkOrder.<WorkOrder> find(query.toString(), parameters).range(0, limit).list().chain(this::withRows);
    }

    /** The task if it is one and the caller's scope allows it. */
    public Uni<Optional<Detail>> detail(UUID id, DataScope scope) {
        return WorkOrder.<WorkOrder> findById(id).chain(task -> {
            if (task == null || task.type != WorkOrderType.SPECIAL_TASK
                    || !scope.allows(task.branchId, task.regionId)) {
                return Uni.createFrom().item(Optional.empty());
            }
            return SpecialTask.<SpecialTask> findById(id)
                    .chain(special -> WorkOrder.<WorkOrder> find("specialTaskId = ?1 order by createdAt, id", id)
                            .range(0, MAX_CASES - 1).list()
                            .chain(cases -> WorkOrder.count("specialTaskId", id)
                                    .map(count -> Optional.of(new Detail(new Row(task, special),
                                            cases.stream().filter(c -> scope.allows(c.branchId, c.regionId)).toList(),
                                            count)))));
        });
    }

    private Uni<List<Row>> withRows(List<WorkOrder> tasks) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = tasks.stream().map(task -> task.id).toList();
        return SpecialTask.<SpecialTask> list("workOrderId in ?1", ids).map(specials -> {
            Map<UUID, SpecialTask> byId = new HashMap<>(
                    specials.stream().collect(Collectors.toMap(s -> s.workOrderId, Function.identity())));
            List<Row> rows = new ArrayList<>(tasks.size());
            for (WorkOrder task : tasks) {
                rows.add(new Row(task, byId.get(task.id)));
            }
            return rows;
        });
    }
}
