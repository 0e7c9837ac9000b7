package io.windbell.journey.timer;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.journey.JourneyConfig;
import io.windbell.journey.JourneyInstance;
import io.windbell.journey.store.JourneyStore;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.platform.background.Periodic;
import io.windbell.platform.jdbc.Transactions;

/**
 * Fires the durable journey timers: interrupts journeys whose window passed with nothing happening and closes those
 * past their maximum duration. Every replica polls; due timers are claimed with {@code FOR UPDATE SKIP LOCKED} and the
 * person's lock is only tried, never waited for, so replicas never fire one timer twice and never block a consumer. A
 * timer skipped because its person is busy fires at the next poll.
 */
@ApplicationScoped
public class TimerPoller {

    private final AgroalDataSource dataSource;
    private final JourneyStore store;
    private final OutboxPublisher relay;
    private final JourneyConfig.Timers config;
    private final Clock clock = Clock.systemUTC();
    private Periodic periodic;

    public TimerPoller(AgroalDataSource dataSource, JourneyStore store, OutboxPublisher relay, JourneyConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.relay = relay;
        this.config = config.timers();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        periodic = new Periodic("journey-timers", config.pollInterval(), Duration.ofSeconds(1),
                () -> fireDue() == config.batchSize()).start();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event)
            throws InterruptedException {
        if (periodic != null) {
            periodic.close();
        }
    }

    /**
     * Fires the timers due now, at most one batch.
     *
     * @return how many due timers were claimed
     */
    public int fireDue() throws SQLException {
        Instant now = clock.instant();
        int[] claimedAndEvents = Transactions.inTransaction(dataSource, connection -> {
            Map<UUID, String> due = store.claimDueTimers(connection, now, config.batchSize());
            Set<String> locked = store.tryLock(connection, due.values());
            List<JourneyInstance> instances = store
                    .loadById(connection,
                            due.entrySet().stream().filter(e -> locked.contains(e.getValue())).map(Map.Entry::getKey)
                                    .toList())
                    // a consumer may have moved the journey to another person since the claim
                    .stream().filter(i -> locked.contains(i.subject())).toList();
            for (JourneyInstance instance : instances) {
                instance.onTimer(now);
            }
            store.rescheduleTimers(connection, instances.stream().filter(i -> !i.changed()).toList());
            return new int[] { due.size(),
                    store.appendToOutbox(connection, store.saveInstances(connection, instances, now, Map.of())) };
        });
        int claimed = claimedAndEvents[0];
        int events = claimedAndEvents[1];
        if (events > 0) {
            relay.wake();
        }
        return claimed;
    }
}
