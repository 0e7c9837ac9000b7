package io.windbell.scoring.alert.degradation;

import static io.restassured.RestAssured.given;
import static io.windbell.scoring.alert.support.AlertFixtures.isType;
import static io.windbell.scoring.alert.support.AlertFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.scoring.alert.support.AlertFixtures;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.EventFeed;
import io.windbell.testing.TopicProbe;

/**
 * A burst of failures on one touchpoint against a healthy week, through the real broker into the buckets, then the
 * detector driven with a clock of the test's: one schema-valid {@code alert.touchpoint-degraded}, nothing more while it
 * stays degraded, one {@code alert.touchpoint-recovered} after a normal window; and a second replica skips its run.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class TouchpointDegradationTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    /** The detector's clock: the window is [09:05, 10:05), the baseline the week before. */
    private static final Instant NOW = Instant.parse("2024-06-03T10:02:30Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DegradationMonitor monitor;

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void aBurstOfFailuresRaisesOneAlertAndANormalWindowEndsIt() throws SQLException {
        String touchpoint = "degradation." + AlertFixtures.code("tp");
        TouchpointDegradedAlert degraded;
        try (EventFeed feed = new EventFeed("ingest")) {
            // baseline: 300 attempts over the day before the window, 6 failed (2%)
            for (int i = 0; i < 300; i++) {
                send(feed, touchpoint, i % 50 == 0 ? Outcome.FAILURE : Outcome.SUCCESS,
                        NOW.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(4L * i)));
            }
            // the window: 60 attempts, 30 failed (50%); pooled 36/360 = 0.1, z = 0.48 / sqrt(0.1 * 0.9 * (1/300 +
            // 1/60)) = 11.3, +48 points
            for (int i = 0; i < 60; i++) {
                send(feed, touchpoint, i % 2 == 0 ? Outcome.FAILURE : Outcome.SUCCESS,
                        NOW.minus(Duration.ofMinutes(10)).minusSeconds(30L * i));
            }
            await().atMost(PUBLISHED).until(() -> attempts(touchpoint) == 360);

            try (TopicProbe probe = TopicProbe.on(Topics.EXPERIENCE_ALERTS)) {
                assertThat(monitor.run(NOW).ran()).isTrue();
                ConsumerRecord<String, byte[]> record = probe
                        .await(r -> touchpoint.equals(r.key()) && isType(r, EventType.ALERT_TOUCHPOINT_DEGRADED), 1,
                                PUBLISHED)
                        .getFirst();
                ContractAssertions.assertValid(EventType.ALERT_TOUCHPOINT_DEGRADED, record.value());
                degraded = payload(record, TouchpointDegradedAlert.class);
                assertThat(degraded.metric()).isEqualTo(Metric.ERROR_RATE);
                assertThat(degraded.baseline()).isEqualTo(0.02);
                assertThat(degraded.current()).isEqualTo(0.5);
                assertThat(degraded.sampleSize()).isEqualTo(60);
                assertThat(degraded.windowStart()).isEqualTo(Instant.parse("2024-06-03T09:05:00Z"));
                assertThat(degraded.severity()).isEqualTo(Severity.HIGH);
            }

            // still degraded five minutes and an hour later: no second alert
            monitor.run(NOW.plus(Duration.ofMinutes(5)));
            monitor.run(NOW.plus(Duration.ofHours(1)));
            assertThat(alertsOf(touchpoint)).isEqualTo(1);

            // a normal hour [11:10, 11:50) seen at 12:02:30, and another [12:10, 12:50) seen at 13:02:30
            Instant t1 = NOW.plus(Duration.ofHours(2));
            Instant t2 = t1.plus(Duration.ofHours(1));
            for (Instant seen : new Instant[] { t1, t2 }) {
                for (int i = 0; i < 60; i++) {
                    send(feed, touchpoint, Outcome.SUCCESS, seen.minus(Duration.ofMinutes(12)).minusSeconds(40L * i));
                }
            }
            await().atMost(PUBLISHED).until(() -> attempts(touchpoint) == 480);
            try (TopicProbe probe = TopicProbe.on(Topics.EXPERIENCE_ALERTS)) {
                monitor.run(t1);
                assertThat(alertsOf(touchpoint)).as("a normal window has only begun").isEqualTo(1);
                monitor.run(t2);
                ConsumerRecord<String, byte[]> record = probe
                        .await(r -> touchpoint.equals(r.key()) && isType(r, EventType.ALERT_TOUCHPOINT_RECOVERED), 1,
                                PUBLISHED)
                        .getFirst();
                ContractAssertions.assertValid(EventType.ALERT_TOUCHPOINT_RECOVERED, record.value());
                TouchpointRecoveredAlert recovered = payload(record, TouchpointRecoveredAlert.class);
                assertThat(recovered.degradedAlertId()).isEqualTo(degraded.alertId());
                assertThat(recovered.metric()).isEqualTo(Metric.ERROR_RATE);
                assertThat(recovered.current()).isEqualTo(0.0);
                assertThat(recovered.sampleSize()).isEqualTo(60);
                // the ordering of the touchpoint's alerts on its partition: degraded, then recovered
                assertThat(probe.seen().stream().filter(r -> touchpoint.equals(r.key()))
                        .map(r -> AlertFixtures.header(r, io.windbell.contracts.CloudEvents.TYPE_HEADER)))
                                .containsExactly(EventType.ALERT_TOUCHPOINT_DEGRADED.type(),
                                        EventType.ALERT_TOUCHPOINT_RECOVERED.type());
            }
        }
        given().get("/v1/alerts?type=TOUCHPOINT_RECOVERED&from=2024-06-03&to=2024-06-04").then().statusCode(200)
                .body("items.findAll { it.touchpointCode == '" + touchpoint + "' }", hasSize(1))
                .body("items.find { it.touchpointCode == '" + touchpoint + "' }.event.degradedAlertId",
                        equalTo(degraded.alertId().toString()));
    }

    @Test
    void whileAnotherReplicaRunsTheDetectorThisOneSkips() throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, DegradationMonitor.LOCK);
                lock.executeQuery().close();
            }
            assertThat(monitor.run(NOW)).isEqualTo(new DegradationMonitor.Run(false, 0, 0));
            other.rollback();
        }
        assertThat(monitor.run(NOW).ran()).isTrue();
    }

    private static void send(EventFeed feed, String touchpoint, Outcome outcome, Instant receivedAt) {
        feed.send(AlertFixtures.touchpoint(AlertFixtures.id("C"), touchpoint, outcome, receivedAt, Map.of()));
    }

    private long attempts(String touchpoint) throws SQLException {
        return count("select coalesce(sum(attempts), 0) from touchpoint_health where touchpoint = ?", touchpoint);
    }

    private long alertsOf(String touchpoint) throws SQLException {
        return count("select count(*) from alert where touchpoint = ?", touchpoint);
    }

    private long count(String sql, String touchpoint) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, touchpoint);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
