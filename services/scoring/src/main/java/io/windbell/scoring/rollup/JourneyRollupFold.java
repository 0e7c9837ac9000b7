package io.windbell.scoring.rollup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.rollup.ColumnArrays.Kind;
import io.windbell.scoring.rollup.RollupKey.Place;

/**
 * O-data per journey definition: folds journey events into {@code journey_rollup} by the bank day of each event
 * (dimensions all, channel = the journey's first channel, product = the last visit's product, tier).
 * <p>
 * {@code completed}, {@code interrupted}, {@code ended} and {@code switched} count each journey once, at its first end
 * (V2: "ended = completed + interrupted of each journey's first end"): a completion with no interruption before it, or
 * the journey's first {@code journey.interrupted}, told apart from later ones by the {@code journey_first_end} ledger
 * (V7). A journey that resumes and completes after an interruption is not counted completed again, but its time to
 * complete is in the {@code ttc} sketch with every other completion. {@code started} and {@code resumed} count events.
 */
@ApplicationScoped
public class JourneyRollupFold implements Fold {

    private static final String UPSERT = """
            insert into journey_rollup as t (journey, dimension, value, day, branch_id, region_id, started, completed,
                interrupted, resumed, ended, switched, ttc_n, ttc_sum)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[],
                ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
            on conflict (journey, dimension, value, day, branch_id) do update set
                started = t.started + excluded.started, completed = t.completed + excluded.completed,
                interrupted = t.interrupted + excluded.interrupted, resumed = t.resumed + excluded.resumed,
                ended = t.ended + excluded.ended, switched = t.switched + excluded.switched,
                ttc_n = t.ttc_n + excluded.ttc_n, ttc_sum = t.ttc_sum + excluded.ttc_sum
            returning journey, dimension, value, day, branch_id, ttc_hist
            """;

    private static final String SKETCH_UPDATE = """
            update journey_rollup t set ttc_hist = u.h
            from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::bytea[])
                as u(journey, dimension, value, day, branch_id, h)
            where t.journey = u.journey and t.dimension = u.dimension and t.value = u.value and t.day = u.day
              and t.branch_id = u.branch_id
            """;

    /** Claims the first interruption of each journey: the ids returned are interrupted for the first time. */
    private static final String FIRST_INTERRUPTIONS = """
            insert into journey_first_end (journey_instance_id, ended_on)
            select * from unnest(?::uuid[], ?::date[]) on conflict do nothing returning journey_instance_id
            """;

    /** The additive state of one {@code journey_rollup} row of a batch. */
    private static final class Counts {
        long started;
        long completed;
        long interrupted;
        long resumed;
        long ended;
        long switched;
        long ttcN;
        long ttcSum;
        Histogram ttc;

        void end(JourneySummary journey) {
            ended++;
            if (journey.channels().size() > 1) {
                switched++;
            }
        }

        void timeToComplete(long durationMs) {
            if (durationMs < 0) {
                return;
            }
            ttcN++;
            ttcSum += durationMs;
            if (ttc == null) {
                ttc = Sketches.empty();
            }
            ttc.recordValue(durationMs);
        }
    }

    @Override
    public boolean reads(String topic) {
        return Topics.JOURNEY_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        Attribution attribution = batch.attribution();
        Set<UUID> firstInterruptions = claimFirstInterruptions(connection, batch);
        Map<RollupKey, Counts> rows = new HashMap<>();
        for (Envelope<EventPayload> envelope : batch.events()) {
            switch (envelope.payload()) {
            case JourneyStarted started -> each(rows, attribution, started.journey(), started.journey().startedAt(),
                    counts -> counts.started++);
            case JourneyCompleted completed -> each(rows, attribution, completed.journey(), completed.completedAt(),
                    counts -> {
                        if (completed.interruptions() == 0) {
                            counts.completed++;
                            counts.end(completed.journey());
                        }
                        counts.timeToComplete(completed.durationMs());
                    });
            case JourneyInterrupted interrupted -> {
                // removed once counted: a second interruption of the same journey in this batch is not a first end
                if (firstInterruptions.remove(interrupted.journey().journeyInstanceId())) {
                    each(rows, attribution, interrupted.journey(), interrupted.interruptedAt(), counts -> {
                        counts.interrupted++;
                        counts.end(interrupted.journey());
                    });
                }
            }
            case JourneyResumed resumed -> each(rows, attribution, resumed.journey(), resumed.resumedAt(),
                    counts -> counts.resumed++);
            default -> {
                // journey.progressed changes no count
            }
            }
        }
        write(connection, rows, attribution);
    }

    /** Applies {@code change} to the four rows (all, channel, product, tier) of a journey at {@code at}. */
    private static void each(Map<RollupKey, Counts> rows, Attribution attribution, JourneySummary journey, Instant at,
            java.util.function.Consumer<Counts> change) {
        Place place = new Place(attribution.day(at), attribution.branch(journey.customerId(), lastBranch(journey)));
        String code = journey.definitionCode();
        String channel = journey.channels().isEmpty() ? "" : journey.channels().getFirst();
        TouchpointVisit last = journey.touchpoints().isEmpty() ? null : journey.touchpoints().getLast();
        change.accept(rows.computeIfAbsent(RollupKey.of(code, Dimension.ALL, "", place), k -> new Counts()));
        change.accept(rows.computeIfAbsent(RollupKey.of(code, Dimension.CHANNEL, channel, place), k -> new Counts()));
        change.accept(rows.computeIfAbsent(
                RollupKey.of(code, Dimension.PRODUCT, last == null ? null : last.productId(), place),
                k -> new Counts()));
        change.accept(rows.computeIfAbsent(
                RollupKey.of(code, Dimension.TIER, attribution.tier(journey.customerId()), place), k -> new Counts()));
    }

    /** The branch of the journey's last visit that had one, else {@code null} (the customer's home branch then). */
    private static String lastBranch(JourneySummary journey) {
        for (TouchpointVisit visit : journey.touchpoints().reversed()) {
            if (visit.branchId() != null) {
                return visit.branchId();
            }
        }
        return null;
    }

    private static Set<UUID> claimFirstInterruptions(Connection connection, FoldBatch batch) throws SQLException {
        Map<UUID, Instant> interrupted = new TreeMap<>();
        for (JourneyInterrupted event : batch.payloads(JourneyInterrupted.class)) {
            interrupted.putIfAbsent(event.journey().journeyInstanceId(), event.interruptedAt());
        }
        Set<UUID> first = new HashSet<>();
        if (interrupted.isEmpty()) {
            return first;
        }
        List<String> days = new ArrayList<>();
        interrupted.values().forEach(at -> days.add(batch.attribution().day(at).toString()));
        try (PreparedStatement claim = connection.prepareStatement(FIRST_INTERRUPTIONS)) {
            Array ids = connection.createArrayOf("uuid", interrupted.keySet().toArray());
            claim.setArray(1, ids);
            claim.setArray(2, connection.createArrayOf("text", days.toArray()));
            try (ResultSet claimed = claim.executeQuery()) {
                while (claimed.next()) {
                    first.add(claimed.getObject(1, UUID.class));
                }
            }
        }
        return first;
    }

    private static void write(Connection connection, Map<RollupKey, Counts> rows, Attribution attribution)
            throws SQLException {
        ColumnArrays columns = new ColumnArrays(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT,
                Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG);
        Map<RollupKey, Histogram> sketches = new HashMap<>();
        for (Map.Entry<RollupKey, Counts> row : new TreeMap<>(rows).entrySet()) {
            RollupKey key = row.getKey();
            Counts c = row.getValue();
            columns.row(key.subject(), key.dimension(), key.value(), key.day(), key.branchId(),
                    attribution.region(key.branchId()), c.started, c.completed, c.interrupted, c.resumed, c.ended,
                    c.switched, c.ttcN, c.ttcSum);
            if (c.ttc != null) {
                sketches.put(key, c.ttc);
            }
        }
        RollupWriter.upsertSketched(connection, UPSERT, columns, sketches, SKETCH_UPDATE);
    }
}
