package io.windbell.survey.maintenance;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.messaging.inbox.Inbox;
import io.windbell.messaging.jdbc.RetentionPurger;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.decision.DecisionLog;

/**
 * What survey forgets, and when: inbox claims after {@code windbell.survey.inbox.retention}, decisions after
 * {@code windbell.survey.decisions.retention}. Invitations and responses are the contact ledger and the answers; they
 * are not purged here.
 */
@ApplicationScoped
public class Retention {

    private final RetentionPurger inbox;
    private final RetentionPurger decisions;

    public Retention(AgroalDataSource dataSource, SurveyConfig config) {
        this.inbox = new RetentionPurger(dataSource, "survey-inbox-purge", config.inbox().retention(),
                config.inbox().purgeInterval(), Inbox::purge);
        this.decisions = new RetentionPurger(dataSource, "survey-decision-purge", config.decisions().retention(),
                config.decisions().purgeInterval(), DecisionLog::purge);
    }

    void onStart(@Observes StartupEvent event) {
        inbox.start();
        decisions.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        inbox.close();
        decisions.close();
    }

    /** Removes one round of expired inbox claims; returns how many. */
    public int purgeInbox() throws SQLException {
        return inbox.purgeOnce();
    }

    /** Removes one round of expired decisions; returns how many. */
    public int purgeDecisions() throws SQLException {
        return decisions.purgeOnce();
    }
}
