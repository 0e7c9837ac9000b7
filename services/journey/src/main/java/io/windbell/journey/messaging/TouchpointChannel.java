package io.windbell.journey.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.admin.ProcessingStats;
import io.windbell.journey.service.ReconstructionService;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.envelope.PoisonException;
import io.windbell.messaging.kit.JdbcChannel;
import io.windbell.messaging.kit.JdbcChannels;

/**
 * Adapts the {@code touchpoints} channel ({@code cx.touchpoint-events.v1}) to reconstruction: each polled batch is one
 * transaction of the kit; a record that is not a complete {@code touchpoint.recorded} goes to
 * {@code cx.touchpoint-events.v1.dlq.journey}. Created at startup so readiness shows the channel before its first
 * batch.
 */
@ApplicationScoped
@Startup
public class TouchpointChannel {

    public static final String CHANNEL = "touchpoints";

    private final JdbcChannel<TouchpointRecorded> channel;

    public TouchpointChannel(JdbcChannels channels, ReconstructionService reconstruction, ProcessingStats stats) {
        Clock clock = Clock.systemUTC();
        this.channel = channels.declare(CHANNEL, ReconstructionService.CONSUMER, TouchpointRecorded.class,
                TouchpointChannel::check, new BatchProcessor.Handler<>() {
                    // the batch's phases, from its transaction on this worker thread to the commit after it
                    private final ThreadLocal<ProcessingStats.Lap> laps = new ThreadLocal<>();

                    @Override
                    public void apply(Connection connection, List<Envelope<TouchpointRecorded>> fresh)
                            throws SQLException {
                        ProcessingStats.Lap lap = stats.begin(fresh);
                        laps.set(lap);
                        reconstruction.apply(connection, fresh, clock.instant(), lap);
                    }

                    @Override
                    public void committed(List<Envelope<TouchpointRecorded>> applied) {
                        ProcessingStats.Lap lap = laps.get();
                        if (lap != null) {
                            lap.lap("commit");
                            laps.remove();
                        }
                        stats.committed(applied);
                    }
                });
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return channel.consume(batch);
    }

    /** The channel's consumers hold their batches (as if stopped) until {@link #release()}. */
    public void hold() {
        channel.hold();
    }

    public void release() {
        channel.release();
    }

    public BatchProcessor.Status status() {
        return channel.status();
    }

    /** A {@code touchpoint.recorded} without the fields a journey is built from is poison. */
    static void check(Envelope<TouchpointRecorded> envelope) {
        TouchpointRecorded event = envelope.payload();
        List<String> missing = new ArrayList<>();
        if (event.eventId() == null) {
            missing.add("eventId");
        }
        if (event.occurredAt() == null) {
            missing.add("occurredAt");
        }
        if (event.channel() == null) {
            missing.add("channel");
        }
        if (event.touchpoint() == null) {
            missing.add("touchpoint");
        }
        if (event.outcome() == null) {
            missing.add("outcome");
        }
        if (!missing.isEmpty()) {
            throw new PoisonException("touchpoint.recorded without " + String.join(", ", missing));
        }
    }
}
