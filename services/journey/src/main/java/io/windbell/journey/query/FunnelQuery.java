package io.windbell.journey.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.journey.definition.DefinitionLookup;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.journey.definition.JourneyDefinition.Step;
import io.windbell.journey.query.Funnel.HotSpot;
import io.windbell.journey.query.Funnel.PhaseStats;
import io.windbell.journey.query.Funnel.StepStats;
import io.windbell.journey.query.Funnel.Totals;
import io.windbell.journey.query.Funnel.VersionCount;
import io.windbell.platform.problem.ProblemException;

/**
 * The funnel of one journey over the instances started in a window. PostgreSQL does the counting (three aggregate
 * queries in one read-only snapshot); Java only attaches the step names of the definition and the rates.
 */
@ApplicationScoped
public class FunnelQuery {

    public static final int HOT_SPOTS = 20;

    /** The instances of the funnel: started in the window, not absorbed into another one by identity stitching. */
    /** The instances of the funnel: started in the window, not absorbed into another one by identity stitching. */
    private static final String INSTANCES = "select j.id, j.started_at from journey_instance j"
            + " where j.definition_code = ? and j.started_at >= ? and j.started_at < ? and j.merged_into is null";

    /**
     * The funnel's instances and those stitching merged into them (root: the funnel instance): the survivor took over
     * their visits, but their touchpoint events and interruptions stay recorded under their own ids.
     */
    private static final String MEMBERS = "inst as materialized (" + INSTANCES + "),"
            + " members as materialized (select inst.id, inst.id as root, inst.started_at from inst union all"
            + " select m.id, m.merged_into, m.started_at from journey_instance m"
            + " where m.merged_into in (select id from inst))";

    private static final String TOTALS = "select j.definition_version, count(*) as started,"
            + " count(*) filter (where j.status = 'COMPLETED') as completed,"
            + " count(*) filter (where j.status = 'INTERRUPTED') as interrupted,"
            + " count(*) filter (where j.status = 'IN_PROGRESS') as in_progress,"
            + " coalesce(sum(j.channel_switches), 0) as channel_switches,"
            + " count(*) filter (where j.customer_id is null) as anonymous"
            + " from journey_instance j where j.definition_code = ? and j.started_at >= ? and j.started_at < ?"
            + " and j.merged_into is null group by rollup (j.definition_version)";

    // per instance and step, the first applied event; a step's entries are its rows, and the time from the previous
    // step pairs each row with the same instance's row one step earlier
    private static final String STEPS = "with " + MEMBERS + ","
            + " firsts as materialized (select mb.root as id, e.step_order, min(e.occurred_at) as at"
            + " from touchpoint_event e join members mb on mb.id = e.journey_instance_id"
            + " where e.step_order is not null and not e.late group by mb.root, e.step_order),"
            + " phases as (select * from unnest(?::int[], ?::text[]) as p(step_order, phase))"
            + " select 'step' as kind, f.step_order, null::text as phase, count(*) as entries,"
            + " percentile_cont(0.5) within group (order by extract(epoch from (f.at - p.at)) * 1000)"
            + " filter (where p.at is not null) as median_ms"
            + " from firsts f left join firsts p on p.id = f.id and p.step_order = f.step_order - 1"
            + " group by f.step_order" + " union all select 'phase', null, ph.phase, count(distinct f.id), null"
            + " from firsts f join phases ph on ph.step_order = f.step_order group by ph.phase";

    // an interruption comes after its instance started: that bound lets the (definition, time) index do the work
    private static final String HOT_SPOTS_SQL = "with " + MEMBERS
            + " select i.touchpoint, i.error_code, i.reason, count(*) as n, count(i.resumed_at) as resumed"
            + " from journey_interruption i join members mb on mb.id = i.journey_instance_id"
            + " where i.definition_code = ? and i.interrupted_at >= (select min(started_at) from members)"
            + " group by i.touchpoint, i.error_code, i.reason"
            + " order by n desc, i.touchpoint nulls last, i.error_code nulls last, i.reason limit " + HOT_SPOTS;

    private final DataSource dataSource;
    private final DefinitionLookup definitions;

    FunnelQuery(DataSource dataSource, DefinitionLookup definitions) {
        this.dataSource = dataSource;
        this.definitions = definitions;
    }

    /** The funnel of instances of {@code code} started in [from, to); 404 when no version of it exists. */
    public Funnel funnel(String code, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (var st = c.createStatement()) {
                    st.execute("set transaction isolation level repeatable read, read only");
                }
                Funnel funnel = funnel(c, code, from, to);
                c.commit();
                return funnel;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("funnel query failed", e);
        }
    }

    private Funnel funnel(Connection c, String code, Instant from, Instant to) throws SQLException {
        int labelVersion = labelVersion(c, code);
        Optional<JourneyDefinition> label = definitions.find(code, labelVersion);
        List<VersionCount> byVersion = new ArrayList<>();
        Totals totals = totals(c, code, from, to, byVersion);

        Map<Integer, Step> steps = new TreeMap<>();
        label.ifPresent(d -> d.steps().forEach(s -> steps.put(s.order(), s)));
        Map<Integer, String> phaseOf = new TreeMap<>();
        steps.forEach((order, step) -> {
            if (step.phase() != null) {
                phaseOf.put(order, step.phase());
            }
        });
        StepCounts counts = stepCounts(c, code, from, to, phaseOf);
        // instances of another version may reach a step order the labelling version does not have
        for (Integer order : counts.entries.keySet()) {
            if (!steps.containsKey(order)) {
                steps.put(order, olderStep(code, order, byVersion));
            }
        }

        List<StepStats> stepStats = new ArrayList<>();
        List<Integer> orders = new ArrayList<>(steps.keySet());
        for (int i = 0; i < orders.size(); i++) {
            int order = orders.get(i);
            Step step = steps.get(order);
            long entries = counts.entries.getOrDefault(order, 0L);
            Long dropOff = null;
            Double dropOffRate = null;
            if (i + 1 < orders.size()) {
                dropOff = entries - counts.entries.getOrDefault(orders.get(i + 1), 0L);
                dropOffRate = rate(dropOff, entries);
            }
            stepStats.add(new StepStats(order, step == null ? null : step.code(), step == null ? null : step.name(),
                    step == null ? null : step.phase(), step != null && step.keyNode(), entries, dropOff, dropOffRate,
                    counts.medians.get(order)));
        }
        // phases in the order of their first step
        Map<String, Long> byPhase = new LinkedHashMap<>();
        phaseOf.values().forEach(phase -> byPhase.putIfAbsent(phase, counts.phases.getOrDefault(phase, 0L)));
        List<PhaseStats> phases = new ArrayList<>();
        byPhase.forEach((phase, entries) -> phases.add(new PhaseStats(phase, entries)));

        return new Funnel(code, labelVersion, label.map(JourneyDefinition::name).orElse(null), from, to, totals,
                byVersion, stepStats, phases, hotSpots(c, code, from, to));
    }

    /** The active version, else (retired) the newest; 404 when no version of the code exists. */
    private static int labelVersion(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from journey_definition where code = ?"
                + " order by active desc, version desc limit 1")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("journey definition", code);
                }
                return rs.getInt(1);
            }
        }
    }

    /** The totals over all versions; adds the started count of each version, newest first, to {@code byVersion}. */
    private static Totals totals(Connection c, String code, Instant from, Instant to, List<VersionCount> byVersion)
            throws SQLException {
        Totals totals = new Totals(0, 0, 0, 0, null, 0, 0);
        try (PreparedStatement ps = c.prepareStatement(TOTALS)) {
            Rows.bind(ps, List.of(code, from, to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long started = rs.getLong("started");
                    if (rs.getObject("definition_version") != null) {
                        byVersion.add(new VersionCount(rs.getInt("definition_version"), started));
                    } else {
                        long completed = rs.getLong("completed");
                        totals = new Totals(started, completed, rs.getLong("interrupted"), rs.getLong("in_progress"),
                                rate(completed, started), rs.getLong("channel_switches"), rs.getLong("anonymous"));
                    }
                }
            }
        }
        byVersion.sort(Comparator.comparingInt(VersionCount::version).reversed());
        return totals;
    }

    /** Entries and median times by step order, entries by phase. */
    private record StepCounts(Map<Integer, Long> entries, Map<Integer, Long> medians, Map<String, Long> phases) {
    }

    private static StepCounts stepCounts(Connection c, String code, Instant from, Instant to,
            Map<Integer, String> phaseOf) throws SQLException {
        StepCounts counts = new StepCounts(new HashMap<>(), new HashMap<>(), new HashMap<>());
        try (PreparedStatement ps = c.prepareStatement(STEPS)) {
            Rows.bind(ps, List.of(code, from, to));
            ps.setArray(4, c.createArrayOf("int4", phaseOf.keySet().toArray()));
            ps.setArray(5, c.createArrayOf("text", phaseOf.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("phase".equals(rs.getString("kind"))) {
                        counts.phases.put(rs.getString("phase"), rs.getLong("entries"));
                        continue;
                    }
                    int order = rs.getInt("step_order");
                    counts.entries.put(order, rs.getLong("entries"));
                    double median = rs.getDouble("median_ms");
                    if (!rs.wasNull()) {
                        counts.medians.put(order, Math.round(median));
                    }
                }
            }
        }
        return counts;
    }

    private static List<HotSpot> hotSpots(Connection c, String code, Instant from, Instant to) throws SQLException {
        List<HotSpot> hotSpots = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(HOT_SPOTS_SQL)) {
            Rows.bind(ps, List.of(code, from, to, code));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hotSpots.add(new HotSpot(rs.getString("touchpoint"), rs.getString("error_code"),
                            InterruptionReason.valueOf(rs.getString("reason")), rs.getLong("n"),
                            rs.getLong("resumed")));
                }
            }
        }
        return hotSpots;
    }

    /** The step at this order in the newest version with instances in the window that has it; else none. */
    private Step olderStep(String code, int order, List<VersionCount> used) {
        return used.stream().map(VersionCount::version).sorted(Comparator.reverseOrder())
                .map(v -> definitions.find(code, v)).flatMap(Optional::stream)
                .flatMap(d -> d.steps().stream().filter(s -> s.order() == order)).findFirst().orElse(null);
    }

    /** A ratio rounded to four decimals; {@code null} when the denominator is zero. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000d / whole) / 10_000d;
    }
}
