package io.windbell.survey.norms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.platform.background.Periodic;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.assembly.TouchpointNorms;

/**
 * How long each touchpoint usually takes: durations of the visits in finished journeys are kept for
 * {@code windbell.survey.norms.window}, and their 90th percentile per touchpoint is recomputed every
 * {@code refresh-interval}. Assembly reads the snapshot, so a survey depends only on its inputs.
 */
@ApplicationScoped
public class NormsCache {

    private final AgroalDataSource dataSource;
    private final SurveyConfig.Norms config;
    private final Clock clock = Clock.systemUTC();
    private volatile TouchpointNorms current = TouchpointNorms.NONE;
    private Periodic periodic;

    public NormsCache(AgroalDataSource dataSource, SurveyConfig config) {
        this.dataSource = dataSource;
        this.config = config.norms();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) throws Exception {
        refresh();
        periodic = new Periodic("survey-norms", config.refreshInterval(), Duration.ofMinutes(1), () -> {
            refresh();
            return false;
        }).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (periodic != null) {
            periodic.close();
        }
    }

    public TouchpointNorms current() {
        return current;
    }

    /** Keeps the durations of a journey's visits (each visit once, however many events repeat it). */
    public void record(Connection connection, JourneySummary journey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO touchpoint_duration (journey_instance_id, touchpoint, occurred_at, duration_ms)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            int rows = 0;
            for (TouchpointVisit visit : journey.touchpoints()) {
                if (visit.durationMs() == null || visit.durationMs() < 0) {
                    continue;
                }
                statement.setObject(1, journey.journeyInstanceId());
                statement.setString(2, visit.code());
                statement.setTimestamp(3, Timestamp.from(visit.occurredAt().toInstant()));
                statement.setLong(4, visit.durationMs());
                statement.addBatch();
                rows++;
            }
            if (rows > 0) {
                statement.executeBatch();
            }
        }
    }

    /** Recomputes the percentiles and forgets samples older than the window. */
    public void refresh() throws SQLException {
        Timestamp since = Timestamp.from(clock.instant().minus(config.window()));
        Map<String, Long> p90 = new HashMap<>();
        Transactions.inTransaction(dataSource, connection -> {
            try (PreparedStatement purge = connection
                    .prepareStatement("DELETE FROM touchpoint_duration WHERE occurred_at < ?")) {
                purge.setTimestamp(1, since);
                purge.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT touchpoint, percentile_disc(0.9) WITHIN GROUP (ORDER BY duration_ms)
                    FROM touchpoint_duration GROUP BY touchpoint HAVING count(*) >= ?""")) {
                statement.setInt(1, config.minSamples());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        p90.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return null;
        });
        current = new TouchpointNorms(p90);
    }
}
