package io.windbell.scoring.alert.degradation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.platform.background.Periodic;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.scoring.alert.AlertStore;
import io.windbell.scoring.alert.AlertsConfig;
import io.windbell.scoring.alert.LowScoreRule;
import io.windbell.scoring.alert.degradation.DegradationDetector.Outcome;
import io.windbell.scoring.alert.degradation.DegradationDetector.State;
import io.windbell.scoring.alert.degradation.DegradationDetector.Status;
import io.windbell.scoring.alert.degradation.DegradationDetector.Window;

/**
 * Runs the {@link DegradationDetector} over every touchpoint every
 * {@code windbell.scoring.alerts.degradation.interval}, in one transaction per run: an advisory lock (so that of
 * several replicas exactly one runs at a time, and a run that finds it taken skips), the buckets of the window and the
 * baseline, the states, the alerts through the outbox, the new states, and the purge of buckets older than the
 * baseline. An alert is published if and only if its state is stored.
 */
@ApplicationScoped
@Startup
public class DegradationMonitor {

    private static final Logger LOG = Logger.getLogger(DegradationMonitor.class);

    /** The advisory lock of the detector (any constant that no other lock of this database uses). */
    static final long LOCK = 0x5C0_12E_DE7L;

    /** What one run did; {@code ran} is false when another replica held the lock. */
    public record Run(boolean ran, int degraded, int recovered) {
    }

    private final DataSource dataSource;
    private final DegradationDetector detector;
    private final AlertStore alerts;
    private final Periodic periodic;

    public DegradationMonitor(DataSource dataSource, AlertsConfig config, AlertStore alerts) {
        this.dataSource = dataSource;
        this.alerts = alerts;
        this.detector = new DegradationDetector(DegradationDetector.Settings.of(config.degradation()),
                LowScoreRule.of(config));
        Clock clock = Clock.systemUTC();
        this.periodic = config.degradation().enabled()
                ? new Periodic("scoring-degradation", config.degradation().interval(), Duration.ofSeconds(10), () -> {
                    run(clock.instant());
                    return false;
                }).start() : null;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (periodic != null) {
            periodic.close();
        }
    }

    /** One run as of {@code now}. */
    public Run run(Instant now) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            if (!tryLock(connection)) {
                return new Run(false, 0, 0);
            }
            Window window = detector.window(now);
            Map<String, HealthCounts[]> counts = counts(connection, window);
            Map<String, State> states = states(connection);
            TreeSet<String> touchpoints = new TreeSet<>(counts.keySet());
            touchpoints.addAll(states.keySet());
            List<TouchpointDegradedAlert> degraded = new ArrayList<>();
            List<TouchpointRecoveredAlert> recovered = new ArrayList<>();
            Map<String, State> changed = new TreeMap<>();
            for (String touchpoint : touchpoints) {
                HealthCounts[] pair = counts.getOrDefault(touchpoint,
                        new HealthCounts[] { HealthCounts.ZERO, HealthCounts.ZERO });
                Outcome outcome = detector.evaluate(touchpoint, pair[0], pair[1],
                        states.getOrDefault(touchpoint, State.NORMAL), now);
                switch (outcome) {
                case DegradationDetector.Degraded d -> degraded.add(d.alert());
                case DegradationDetector.Recovered r -> recovered.add(r.alert());
                default -> {
                }
                }
                if (!(outcome instanceof DegradationDetector.Unchanged)) {
                    changed.put(touchpoint, outcome.next());
                }
            }
            store(connection, changed);
            alerts.raiseTouchpointAlerts(connection, degraded, recovered, now);
            purge(connection, window.baselineStart());
            degraded.forEach(a -> LOG.infof("alert.touchpoint-degraded %s: %s %s %.4f -> %.4f (n=%d), %s", a.alertId(),
                    a.touchpointCode(), a.metric(), a.baseline(), a.current(), a.sampleSize(), a.severity()));
            recovered.forEach(a -> LOG.infof("alert.touchpoint-recovered %s: %s %s back to %.4f (n=%d)", a.alertId(),
                    a.touchpointCode(), a.metric(), a.current(), a.sampleSize()));
            return new Run(true, degraded.size(), recovered.size());
        });
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Per touchpoint: [0] the baseline's counts, [1] the window's. */
    private static Map<String, HealthCounts[]> counts(Connection connection, Window window) throws SQLException {
        Map<String, HealthCounts[]> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select touchpoint, bucket_start >= ? as current, sum(attempts), sum(failures), sum(abandoned),
                       sum(answers), sum(detractors)
                from touchpoint_health where bucket_start >= ? and bucket_start < ?
                group by 1, 2
                """)) {
            select.setTimestamp(1, Timestamp.from(window.start()));
            select.setTimestamp(2, Timestamp.from(window.baselineStart()));
            select.setTimestamp(3, Timestamp.from(window.end()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    HealthCounts[] pair = counts.computeIfAbsent(rows.getString(1),
                            t -> new HealthCounts[] { HealthCounts.ZERO, HealthCounts.ZERO });
                    pair[rows.getBoolean(2) ? 1 : 0] = new HealthCounts(rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7));
                }
            }
        }
        return counts;
    }

    private static Map<String, State> states(Connection connection) throws SQLException {
        Map<String, State> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select touchpoint, status, metric, degraded_alert_id, last_alert_at, normal_since
                from touchpoint_health_state
                """); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String metric = rows.getString(3);
                states.put(rows.getString(1),
                        new State(Status.valueOf(rows.getString(2)), metric == null ? null : Metric.valueOf(metric),
                                rows.getObject(4, UUID.class), instant(rows.getTimestamp(5)),
                                instant(rows.getTimestamp(6))));
            }
        }
        return states;
    }

    private static void store(Connection connection, Map<String, State> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into touchpoint_health_state (touchpoint, status, metric, degraded_alert_id, last_alert_at,
                                                     normal_since)
                values (?, ?, ?, ?, ?, ?)
                on conflict (touchpoint) do update set status = excluded.status, metric = excluded.metric,
                  degraded_alert_id = excluded.degraded_alert_id, last_alert_at = excluded.last_alert_at,
                  normal_since = excluded.normal_since
                """)) {
            for (Map.Entry<String, State> entry : changed.entrySet()) {
                State state = entry.getValue();
                upsert.setString(1, entry.getKey());
                upsert.setString(2, state.status().name());
                upsert.setString(3, state.metric() == null ? null : state.metric().name());
                upsert.setObject(4, state.degradedAlertId());
                upsert.setTimestamp(5, timestamp(state.lastAlertAt()));
                upsert.setTimestamp(6, timestamp(state.normalSince()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void purge(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement delete = connection
                .prepareStatement("delete from touchpoint_health where bucket_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            delete.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
