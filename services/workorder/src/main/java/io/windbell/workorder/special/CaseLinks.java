package io.windbell.workorder.special;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.workorder.order.HistoryEntry;

/**
 * The SQL of special tasks that is about many rows at once: the pattern count (one aggregate query per key), the bulk
 * link of stored cases with their history lines, and the signal rows of touchpoint alerts. Runs in the caller's
 * reactive transaction.
 */
@ApplicationScoped
public class CaseLinks {

    /** What the unlinked cases of one pattern in the window are: how many, which, and what else they share. */
    public record PatternCount(long cases, List<UUID> ids, long touchpoints, String touchpoint, long errors,
            String error, long branches, String branch, long regions, String region) {

        /** What they share together with {@code current}, the case at hand. */
        public Spread spread(String touchpointCode, String errorCode, String branchId, String regionId) {
            return new Spread(Spread.common(touchpoints, touchpoint, touchpointCode),
                    Spread.common(errors, error, errorCode), Spread.common(branches, branch, branchId),
                    Spread.common(regions, region, regionId));
        }
    }

    /**
     * Counts the recovery and callback cases of {@code key} that no special task holds, other than {@code except} (the
     * case at hand, not yet flushed), opened (resolved, for root causes) within [{@code since}, {@code now}].
     */
    public Uni<PatternCount> count(PatternKey key, UUID except, Instant since, Instant now) {
        String at = key.countsResolutions() ? "resolved_at" : "created_at";
        List<Object> parameters = new ArrayList<>(List.of(except, since, now));
        StringBuilder sql = new StringBuilder("select count(*), string_agg(cast(id as text), ',' order by ").append(at)
                .append(", id), count(distinct touchpoint_code), min(touchpoint_code), count(distinct error_code),"
                        + " min(error_code), count(distinct branch_id), min(branch_id), count(distinct region_id),"
                        + " min(region_id) from work_order where type in ('RECOVERY', 'CALLBACK')"
                        + " and special_task_id is null and id <> ?1 and ")
                .append(at).append(" >= ?2 and ").append(at).append(" <= ?3");
        switch (key.kind()) {
        case TOUCHPOINT -> sql.append(" and touchpoint_code = ?4");
        case ERROR_CODE -> sql.append(" and error_code = ?4");
        case ROOT_CAUSE_CODE -> sql.append(" and root_cause_code = ?4");
        case ROOT_CAUSE -> sql.append(" and root_cause = ?4 and touchpoint_code = ?5");
        case MANUAL -> throw new IllegalArgumentException("a manual task has no pattern to count");
        }
        switch (key.kind()) {
        case TOUCHPOINT -> parameters.add(key.touchpointCode());
        case ERROR_CODE -> parameters.add(key.errorCode());
        case ROOT_CAUSE_CODE -> parameters.add(key.rootCause());
        default -> {
            parameters.add(key.rootCause());
            parameters.add(key.touchpointCode());
        }
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.getSingleResult();
        }).map(CaseLinks::patternCount);
    }

    private static PatternCount patternCount(Object[] row) {
        String ids = (String) row[1];
        List<UUID> list = ids == null ? List.of() : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        return new PatternCount(number(row[0]), list, number(row[2]), (String) row[3], number(row[4]), (String) row[5],
                number(row[6]), (String) row[7], number(row[8]), (String) row[9]);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * Links the stored cases {@code ids} that no task holds yet to {@code taskId}, each with a history line
     * {@code LINKED_TO_SPECIAL_TASK}; their version moves on, so an edit based on the version before fails with 409
     * instead of writing the link away. The case at hand is linked on the aggregate instead (see {@link SpecialTasks}).
     *
     * @return how many were linked (a case linked meanwhile by another transaction is left as it is)
     */
    public Uni<Integer> linkStored(UUID taskId, List<UUID> ids, String patternKey, String actor, Instant now) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String sql = "with linked as (update work_order set special_task_id = ?1, version = version + 1,"
                + " updated_at = ?2 where id = any(cast(string_to_array(?3, ',') as uuid[]))"
                + " and special_task_id is null and id <> ?1 returning id, status)"
                + " insert into work_order_history (work_order_id, at, actor, action, from_status, to_status, detail)"
                + " select id, ?2, ?4, '" + HistoryEntry.Action.LINKED_TO_SPECIAL_TASK.name() + "', status, status,"
                + " jsonb_build_object('specialTaskId', cast(?6 as text), 'pattern', cast(?5 as text)) from linked";
        String joined = String.join(",", ids.stream().map(UUID::toString).toList());
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql).setParameter(1, taskId).setParameter(2, now)
                        .setParameter(3, joined).setParameter(4, actor).setParameter(5, patternKey).executeUpdate());
    }

    /** Whether an alert (or answer) with this id is attached to an order already: its redelivery changes nothing. */
    public Uni<Boolean> signalExists(UUID sourceId) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select count(*) from work_order_signal where source_id = ?1", Long.class)
                        .setParameter(1, sourceId).getSingleResult())
                .map(count -> count > 0);
    }

    /** Attaches a signal (an alert) to an order ({@code work_order_signal}, one row per source id). */
    public Uni<Void> attachSignal(UUID sourceId, UUID workOrderId, String kind, Map<String, Object> detail,
            Instant at) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("signal detail not serializable", e));
        }
        // bound as text and parsed by PostgreSQL: bound to jsonb directly it would be stored as a JSON string
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into work_order_signal"
                + " (source_id, work_order_id, kind, at, detail) values (?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb))")
                .setParameter(1, sourceId).setParameter(2, workOrderId).setParameter(3, kind).setParameter(4, at)
                .setParameter(5, json).executeUpdate()).replaceWithVoid();
    }
}
