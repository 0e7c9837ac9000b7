package io.windbell.scoring.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.windbell.contracts.Topics;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.platform.logging.Mask;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;

/**
 * Raises one {@code alert.low-score} per detractor response (follow-ups included: workorder reopens the order they
 * name), on the batch's transaction: the alert is recorded and in the outbox when the batch commits, and the relay
 * publishes it on its next poll.
 */
@ApplicationScoped
public class LowScoreFold implements Fold {

    private static final Logger LOG = Logger.getLogger(LowScoreFold.class);

    private final LowScoreRule rule;
    private final LowScoreAlerts alerts;
    private final AlertStore store;

    public LowScoreFold(AlertsConfig config, AlertStore store) {
        this.rule = LowScoreRule.of(config);
        this.alerts = new LowScoreAlerts(rule);
        this.store = store;
    }

    @Override
    public boolean reads(String topic) {
        return Topics.SURVEY_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        Attribution attribution = batch.attribution();
        List<AlertStore.Pending> pending = new ArrayList<>();
        for (Envelope<SurveyResponded> envelope : batch.envelopes(SurveyResponded.class)) {
            SurveyResponded response = envelope.payload();
            if (!rule.isLow(response.anchorMetric(), response.anchorScore())) {
                continue;
            }
            String tier = known(attribution.tier(response.customerId()));
            String branch = known(attribution.branch(response.customerId(), response.branchId()));
            LowScoreAlert alert = alerts.alert(response, tier, branch, batch.now());
            pending.add(new AlertStore.Pending(alert, branch == null ? null : known(attribution.region(branch)),
                    envelope.traceparent()));
        }
        for (LowScoreAlert raised : store.raiseLowScores(connection, pending, batch.now())) {
            LOG.debugf("alert.low-score %s for customer %s: %s %d, %s", raised.alertId(), Mask.id(raised.customerId()),
                    raised.metric(), raised.score(), raised.severity());
        }
    }

    private static String known(String value) {
        return Attribution.UNKNOWN.equals(value) ? null : value;
    }
}
