package io.windbell.notification.intake.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.messaging.consumer.Selection;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.envelope.PoisonException;
import io.windbell.messaging.kit.ReactiveChannel;
import io.windbell.messaging.kit.ReactiveChannels;
import io.windbell.notification.intake.Intake;
import io.windbell.notification.intake.StaffEvent;

/**
 * Adapts the {@code workorder-events} channel ({@code cx.workorder-events.v1}) to {@link Intake}: the staff-facing
 * types only ({@code resolved} is acknowledged without a transaction), one reactive transaction per message, poison to
 * {@code cx.workorder-events.v1.dlq.notification}. Created at startup so readiness shows the channel before its first
 * batch.
 */
@ApplicationScoped
@Startup
public class IntakeChannels {

    public static final String WORKORDER_EVENTS = "workorder-events";

    private final ReactiveChannel<EventPayload> workorderEvents;

    public IntakeChannels(ReactiveChannels channels, Intake intake) {
        this.workorderEvents = channels.declare(WORKORDER_EVENTS, "notification.workorder-events", EventPayload.class,
                Selection.types(EventType.WORKORDER_CREATED, EventType.WORKORDER_ASSIGNED,
                        EventType.WORKORDER_ESCALATED, EventType.WORKORDER_SLA_WARNING, EventType.WORKORDER_REOPENED,
                        EventType.WORKORDER_CLOSED),
                IntakeChannels::check, intake::apply);
    }

    @Incoming(WORKORDER_EVENTS)
    @Blocking
    public CompletionStage<Void> workorderEvents(KafkaRecordBatch<String, byte[]> batch) {
        return workorderEvents.consume(batch);
    }

    /** Without the order's title and priority no message can be written: retrying will not add them. */
    static void check(Envelope<EventPayload> envelope) {
        StaffEvent event = StaffEvent.of(envelope.id(), envelope.payload());
        if (event != null && (event.order().title() == null || event.order().title().isBlank())) {
            throw new PoisonException(envelope.type().type() + " without a work order title");
        }
    }
}
