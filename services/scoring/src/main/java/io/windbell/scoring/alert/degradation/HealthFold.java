package io.windbell.scoring.alert.degradation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.Topics;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.scoring.alert.AlertsConfig;
import io.windbell.scoring.alert.LowScoreRule;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;

/**
 * The one writer of {@code touchpoint_health}: folds touchpoint events (attempts, failures, abandonments) and factor
 * answers (answers, detractor answers) into 5-minute buckets per touchpoint, summed in memory and written as one upsert
 * per (touchpoint, bucket) per batch. Touchpoints are bucketed by ingest time, not the client's clock: the detector
 * compares windows that end now, and a phone with a wrong clock must not put its failures in last week.
 */
@ApplicationScoped
public class HealthFold implements Fold {

    private record Key(String touchpoint, long bucketStart) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byTouchpoint = touchpoint.compareTo(other.touchpoint);
            return byTouchpoint != 0 ? byTouchpoint : Long.compare(bucketStart, other.bucketStart);
        }
    }

    private final LowScoreRule rule;

    public HealthFold(AlertsConfig config) {
        this.rule = LowScoreRule.of(config);
    }

    @Override
    public boolean reads(String topic) {
        return Topics.TOUCHPOINT_EVENTS.equals(topic) || Topics.SURVEY_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        // sorted: two batches lock the rows they share in the same order
        Map<Key, HealthCounts> buckets = new TreeMap<>();
        for (TouchpointRecorded event : batch.payloads(TouchpointRecorded.class)) {
            if (event.outcome() == Outcome.INFO) {
                continue;
            }
            Instant at = event.receivedAt() != null ? event.receivedAt() : event.occurredAt().toInstant();
            HealthCounts one = new HealthCounts(1, event.outcome() == Outcome.FAILURE ? 1 : 0,
                    event.outcome() == Outcome.ABANDONED ? 1 : 0, 0, 0);
            buckets.merge(key(event.touchpoint(), at), one, HealthCounts::plus);
        }
        for (SurveyResponded response : batch.payloads(SurveyResponded.class)) {
            for (Answer answer : response.answers()) {
                if (answer.touchpointCode() == null || answer.score() == null || !answer.type().scored()
                        || !Identifiers.isTouchpointCode(answer.touchpointCode())) {
                    continue;
                }
                HealthCounts one = new HealthCounts(0, 0, 0, 1,
                        rule.isDetractorAnswer(answer.type(), answer.score()) ? 1 : 0);
                buckets.merge(key(answer.touchpointCode(), response.respondedAt()), one, HealthCounts::plus);
            }
        }
        if (buckets.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into touchpoint_health (touchpoint, bucket_start, attempts, failures, abandoned, answers,
                                               detractors)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (touchpoint, bucket_start) do update set
                  attempts = touchpoint_health.attempts + excluded.attempts,
                  failures = touchpoint_health.failures + excluded.failures,
                  abandoned = touchpoint_health.abandoned + excluded.abandoned,
                  answers = touchpoint_health.answers + excluded.answers,
                  detractors = touchpoint_health.detractors + excluded.detractors
                """)) {
            for (Map.Entry<Key, HealthCounts> bucket : buckets.entrySet()) {
                HealthCounts counts = bucket.getValue();
                upsert.setString(1, bucket.getKey().touchpoint());
                upsert.setTimestamp(2, Timestamp.from(Instant.ofEpochSecond(bucket.getKey().bucketStart())));
                upsert.setLong(3, counts.attempts());
                upsert.setLong(4, counts.failures());
                upsert.setLong(5, counts.abandoned());
                upsert.setLong(6, counts.answers());
                upsert.setLong(7, counts.detractors());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static Key key(String touchpoint, Instant at) {
        return new Key(touchpoint, DegradationDetector.bucketStart(at).getEpochSecond());
    }
}
