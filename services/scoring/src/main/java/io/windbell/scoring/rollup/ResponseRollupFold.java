package io.windbell.scoring.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.rollup.ColumnArrays.Kind;
import io.windbell.scoring.rollup.RollupKey.Place;

/**
 * X-data: folds {@code survey.responded} into {@code response_rollup} (the anchor score by dimensions all, journey,
 * phase, channel of the journey's last visit, employee, product, tier and survey) and {@code factor_rollup} (every
 * scored answer about a touchpoint, per journey). A score outside its scale is not counted (the survey service
 * validates scores; this only keeps a bad one from breaking the batch).
 */
@ApplicationScoped
public class ResponseRollupFold implements Fold {

    /** Cell-wise sum of two {@code counts} arrays of the same scale. */
    static final String CELL_SUM = "(select array_agg(a + b order by k) from unnest(t.counts, excluded.counts)"
            + " with ordinality as c(a, b, k))";

    private static final String UPSERT_RESPONSES = """
            insert into response_rollup as t (metric, dimension, value, day, branch_id, region_id, n, counts)
            select metric, dimension, value, day, branch_id, region_id, n, counts::bigint[]
            from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::text[])
                as u(metric, dimension, value, day, branch_id, region_id, n, counts)
            on conflict (metric, dimension, value, day, branch_id) do update set
                n = t.n + excluded.n, counts =\s""" + CELL_SUM;

    private static final String UPSERT_FACTORS = """
            insert into factor_rollup as t (journey, touchpoint, question_type, day, branch_id, region_id, n, counts)
            select journey, touchpoint, question_type, day, branch_id, region_id, n, counts::bigint[]
            from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::text[])
                as u(journey, touchpoint, question_type, day, branch_id, region_id, n, counts)
            on conflict (journey, touchpoint, question_type, day, branch_id) do update set
                n = t.n + excluded.n, counts =\s""" + CELL_SUM;

    @Override
    public boolean reads(String topic) {
        return Topics.SURVEY_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        Attribution attribution = batch.attribution();
        Map<RollupKey, ScoreCounts> responses = new HashMap<>();
        Map<RollupKey, ScoreCounts> factors = new HashMap<>();
        for (SurveyResponded response : batch.payloads(SurveyResponded.class)) {
            Place place = new Place(attribution.day(response.respondedAt()),
                    attribution.branch(response.customerId(), response.branchId()));
            JourneySummary journey = response.journey();
            String code = journey == null ? null : journey.definitionCode();
            String metric = response.anchorMetric().name();
            int score = response.anchorScore();
            if (score >= response.anchorMetric().min() && score <= response.anchorMetric().max()) {
                TouchpointVisit last = journey == null || journey.touchpoints().isEmpty() ? null
                        : journey.touchpoints().getLast();
                count(responses, metric, RollupKey.of(metric, Dimension.ALL, "", place), score);
                count(responses, metric, RollupKey.of(metric, Dimension.JOURNEY, code, place), score);
                count(responses, metric,
                        RollupKey.of(metric, Dimension.PHASE, journey == null ? null : journey.phase(), place), score);
                count(responses, metric,
                        RollupKey.of(metric, Dimension.CHANNEL, last == null ? null : last.channel(), place), score);
                count(responses, metric, RollupKey.of(metric, Dimension.EMPLOYEE, response.employeeId(), place), score);
                count(responses, metric, RollupKey.of(metric, Dimension.PRODUCT, response.productId(), place), score);
                count(responses, metric,
                        RollupKey.of(metric, Dimension.TIER, attribution.tier(response.customerId()), place), score);
                count(responses, metric, RollupKey.of(metric, Dimension.SURVEY, response.surveyCode(), place), score);
            }
            for (Answer answer : response.answers()) {
                if (answer.touchpointCode() != null && answer.type() != null && answer.type().scored()
                        && answer.score() != null) {
                    String type = answer.type().name();
                    count(factors, type, new RollupKey(code == null ? "" : code, answer.touchpointCode(), type,
                            place.day(), place.branchId()), answer.score());
                }
            }
        }
        write(connection, UPSERT_RESPONSES, responses, attribution);
        write(connection, UPSERT_FACTORS, factors, attribution);
    }

    /** Counts a score in the row of {@code key}, on the scale of {@code type}; an off-scale score is dropped. */
    private static void count(Map<RollupKey, ScoreCounts> rows, String type, RollupKey key, int score) {
        ScoreCounts counts = rows.get(key);
        if (counts == null) {
            counts = ScoreCounts.forScale(type);
            if (!counts.add(score)) {
                return;
            }
            rows.put(key, counts);
            return;
        }
        counts.add(score);
    }

    private static void write(Connection connection, String upsert, Map<RollupKey, ScoreCounts> rows,
            Attribution attribution) throws SQLException {
        ColumnArrays columns = new ColumnArrays(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT,
                Kind.LONG, Kind.TEXT);
        for (Map.Entry<RollupKey, ScoreCounts> row : new TreeMap<>(rows).entrySet()) {
            RollupKey key = row.getKey();
            columns.row(key.subject(), key.dimension(), key.value(), key.day(), key.branchId(),
                    attribution.region(key.branchId()), row.getValue().n(),
                    ColumnArrays.arrayLiteral(row.getValue().counts()));
        }
        RollupWriter.upsert(connection, upsert, columns);
    }
}
