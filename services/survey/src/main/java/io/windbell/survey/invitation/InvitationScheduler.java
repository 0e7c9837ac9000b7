package io.windbell.survey.invitation;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.platform.background.Periodic;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.survey.SurveyConfig;

/**
 * Delivers invitations when they are due and expires them when their time is up. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so every replica may run this and each invitation is handled once.
 */
@ApplicationScoped
public class InvitationScheduler {

    private final AgroalDataSource dataSource;
    private final InvitationLifecycle lifecycle;
    private final OutboxPublisher relay;
    private final SurveyConfig.Invitations config;
    private final Clock clock = Clock.systemUTC();
    private Periodic periodic;

    public InvitationScheduler(AgroalDataSource dataSource, InvitationLifecycle lifecycle, OutboxPublisher relay,
            SurveyConfig config) {
        this.dataSource = dataSource;
        this.lifecycle = lifecycle;
        this.relay = relay;
        this.config = config.invitations();
    }

    void onStart(@Observes StartupEvent event) {
        periodic = new Periodic("survey-invitation-scheduler", config.pollInterval(), Duration.ofSeconds(5),
                this::runOnce).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (periodic != null) {
            periodic.close();
        }
    }

    /** One round: delivers and expires up to a batch each; returns whether a full batch suggests more is waiting. */
    public boolean runOnce() throws Exception {
        int limit = config.batchSize();
        int[] handled = Transactions.inTransaction(dataSource,
                connection -> new int[] { lifecycle.deliverDue(connection, clock.instant(), limit),
                        lifecycle.expireDue(connection, clock.instant(), limit) });
        if (handled[0] + handled[1] > 0) {
            relay.wake();
        }
        return handled[0] == limit || handled[1] == limit;
    }

    /** Runs the next round now (after an invitation without delay was stored). */
    public void wake() {
        if (periodic != null) {
            periodic.wake();
        }
    }

    public boolean running() {
        return periodic != null && periodic.running();
    }

    public String lastError() {
        return periodic == null ? null : periodic.lastError();
    }
}
