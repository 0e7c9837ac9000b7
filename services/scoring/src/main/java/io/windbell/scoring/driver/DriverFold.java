package io.windbell.scoring.driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.Topics;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;

/**
 * Keeps one observation per journey survey response for driver analysis: the anchor and each scored touchpoint answer
 * on 0..1 ({@link Scales}). Recovery follow-ups (no journey) and answers outside their scale are left out.
 */
@ApplicationScoped
public class DriverFold implements Fold {

    private final DriverStore store;

    public DriverFold(DriverStore store) {
        this.store = store;
    }

    @Override
    public boolean reads(String topic) {
        return Topics.SURVEY_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        List<DriverStore.Row> rows = new ArrayList<>();
        for (SurveyResponded response : batch.payloads(SurveyResponded.class)) {
            DriverStore.Row row = observation(response, batch.attribution());
            if (row != null) {
                rows.add(row);
            }
        }
        store.insert(connection, rows);
    }

    /** The observation of one response, or {@code null} when it is not about a journey or its anchor is off scale. */
    static DriverStore.Row observation(SurveyResponded response, Attribution attribution) {
        Double anchor = response.anchorMetric() == null ? null
                : Scales.anchor(response.anchorMetric(), response.anchorScore());
        if (response.journey() == null || response.journey().definitionCode() == null || anchor == null
                || response.respondedAt() == null) {
            return null;
        }
        // a touchpoint asked about twice (e.g. a CES and a rating question) counts once, with the mean answer
        Map<String, double[]> sums = new HashMap<>();
        for (Answer answer : response.answers()) {
            Double score = answer.touchpointCode() == null ? null : Scales.factor(answer.type(), answer.score());
            if (score != null) {
                double[] sum = sums.computeIfAbsent(answer.touchpointCode(), code -> new double[2]);
                sum[0] += score;
                sum[1]++;
            }
        }
        Map<String, Double> factors = new HashMap<>();
        sums.forEach((code, sum) -> factors.put(code, sum[0] / sum[1]));
        String branch = attribution.branch(response.customerId(), response.branchId());
        return new DriverStore.Row(response.responseId(), response.journey().definitionCode(), response.respondedAt(),
                attribution.day(response.respondedAt()), branch, attribution.region(branch), response.anchorMetric(),
                anchor, factors);
    }
}
