package io.windbell.workorder.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * How busy employees are: their open orders (assigned, neither RESOLVED nor CLOSED) and when an order was last assigned
 * to them (the core's {@code ASSIGNED} history entries, whose detail names the {@code assignee}). One query for a whole
 * candidate set, in the caller's session.
 */
@ApplicationScoped
public class StaffLoads {

    /** An employee's load; {@code lastAssignedAt} is {@code null} when nothing was ever assigned to them. */
    public record Load(long openOrders, Instant lastAssignedAt) {

        public static final Load NONE = new Load(0, null);
    }

    private static final String SQL = """
            select e.employee_id,
                   (select count(*) from work_order w
                     where w.assignee_employee_id = e.employee_id and w.status not in ('RESOLVED', 'CLOSED')),
                   (select cast(extract(epoch from max(h.at)) * 1000 as bigint) from work_order_history h
                     where h.action = 'ASSIGNED' and h.detail ->> 'assignee' = e.employee_id)
              from employee e
             where e.employee_id in (:ids)""";

    /** The load of each of {@code employeeIds} the directory knows; absent ids are missing from the map. */
    public Uni<Map<String, Load>> of(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(SQL, Object[].class)
                .setParameter("ids", employeeIds).getResultList()).map(StaffLoads::byEmployee);
    }

    private static Map<String, Load> byEmployee(List<Object[]> rows) {
        Map<String, Load> loads = new HashMap<>();
        for (Object[] row : rows) {
            Number open = (Number) row[1];
            Number last = (Number) row[2];
            loads.put((String) row[0], new Load(open == null ? 0 : open.longValue(),
                    last == null ? null : Instant.ofEpochMilli(last.longValue())));
        }
        return loads;
    }
}
