package io.windbell.survey.maintenance;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.platform.jdbc.RetentionPurger;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.decision.DecisionLog;

/**
 * What survey forgets, and when: decisions after {@code windbell.survey.decisions.retention} (the kit forgets inbox
 * claims after {@code windbell.messaging.inbox.retention}). Invitations and responses are the contact ledger and the
 * answers; they are not purged here.
 */
@ApplicationScoped
public class Retention {

    private final RetentionPurger decisions;

    public Retention(AgroalDataSource dataSource, SurveyConfig config) {
        this.decisions = new RetentionPurger(dataSource, "survey-decision-purge", config.decisions().retention(),
                config.decisions().purgeInterval(), DecisionLog::purge);
    }

    void onStart(@Observes StartupEvent event) {
        decisions.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        decisions.close();
    }

    /** Removes one round of expired decisions; returns how many. */
    public int purgeDecisions() throws SQLException {
        return decisions.purgeOnce();
    }
}
