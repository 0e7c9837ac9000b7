package io.windbell.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.survey.SurveyExpired;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderSlaWarning;

/**
 * The registry of the event catalog: every event type with its topic, payload record, JSON Schema and example. The
 * partition key of each type is its payload's {@link EventPayload#partitionKey()}; the rule per topic is documented on
 * {@link Topics}.
 */
public enum EventType {

    TOUCHPOINT_RECORDED(TouchpointRecorded.TYPE, TouchpointRecorded.TOPIC, TouchpointRecorded.class, "customerId"),

    JOURNEY_STARTED(JourneyStarted.TYPE, JourneyStarted.TOPIC, JourneyStarted.class, "journey.customerId"),
    JOURNEY_PROGRESSED(JourneyProgressed.TYPE, JourneyProgressed.TOPIC, JourneyProgressed.class, "journey.customerId"),
    JOURNEY_COMPLETED(JourneyCompleted.TYPE, JourneyCompleted.TOPIC, JourneyCompleted.class, "journey.customerId"),
    JOURNEY_INTERRUPTED(JourneyInterrupted.TYPE, JourneyInterrupted.TOPIC, JourneyInterrupted.class,
            "journey.customerId"),
    JOURNEY_RESUMED(JourneyResumed.TYPE, JourneyResumed.TOPIC, JourneyResumed.class, "journey.customerId"),

    SURVEY_INVITED(SurveyInvited.TYPE, SurveyInvited.TOPIC, SurveyInvited.class, "customerId"),
    SURVEY_RESPONDED(SurveyResponded.TYPE, SurveyResponded.TOPIC, SurveyResponded.class, "customerId"),
    SURVEY_EXPIRED(SurveyExpired.TYPE, SurveyExpired.TOPIC, SurveyExpired.class, "customerId"),

    ALERT_LOW_SCORE(LowScoreAlert.TYPE, LowScoreAlert.TOPIC, LowScoreAlert.class, "customerId"),
    ALERT_TOUCHPOINT_DEGRADED(TouchpointDegradedAlert.TYPE, TouchpointDegradedAlert.TOPIC,
            TouchpointDegradedAlert.class, "touchpointCode"),
    ALERT_TOUCHPOINT_RECOVERED(TouchpointRecoveredAlert.TYPE, TouchpointRecoveredAlert.TOPIC,
            TouchpointRecoveredAlert.class, "touchpointCode"),

    WORKORDER_CREATED(WorkOrderCreated.TYPE, WorkOrderCreated.TOPIC, WorkOrderCreated.class, "workOrder.workOrderId"),
    WORKORDER_ASSIGNED(WorkOrderAssigned.TYPE, WorkOrderAssigned.TOPIC, WorkOrderAssigned.class,
            "workOrder.workOrderId"),
    WORKORDER_ESCALATED(WorkOrderEscalated.TYPE, WorkOrderEscalated.TOPIC, WorkOrderEscalated.class,
            "workOrder.workOrderId"),
    WORKORDER_RESOLVED(WorkOrderResolved.TYPE, WorkOrderResolved.TOPIC, WorkOrderResolved.class,
            "workOrder.workOrderId"),
    WORKORDER_CLOSED(WorkOrderClosed.TYPE, WorkOrderClosed.TOPIC, WorkOrderClosed.class, "workOrder.workOrderId"),
    WORKORDER_REOPENED(WorkOrderReopened.TYPE, WorkOrderReopened.TOPIC, WorkOrderReopened.class,
            "workOrder.workOrderId"),
    WORKORDER_SLA_WARNING(WorkOrderSlaWarning.TYPE, WorkOrderSlaWarning.TOPIC, WorkOrderSlaWarning.class,
            "workOrder.workOrderId");

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payloadClass;
    private final String keyField;

    EventType(String type, String topic, Class<? extends EventPayload> payloadClass, String keyField) {
        this.type = type;
        this.topic = topic;
        this.payloadClass = payloadClass;
        this.keyField = keyField;
    }

    /** The CloudEvents {@code type}, e.g. {@code journey.interrupted}. */
    public String type() {
        return type;
    }

    /** The Kafka topic the type is published on. */
    public String topic() {
        return topic;
    }

    /** The record the JSON payload deserialises into. */
    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /**
     * The payload field (dotted path) whose value is the Kafka key and {@code ce_subject}; what
     * {@link EventPayload#partitionKey()} returns. For {@code touchpoint.recorded} the anonymous id stands in before
     * login.
     */
    public String keyField() {
        return keyField;
    }

    /** The CloudEvents {@code dataschema}, equal to the schema's {@code $id}. */
    public String dataSchema() {
        return CloudEvents.dataSchema(type);
    }

    /** Classpath location of the JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return "schemas/" + type + ".v1.schema.json";
    }

    /** Classpath location of an example payload that validates against the schema; consumer tests feed it. */
    public String exampleResource() {
        return "schemas/examples/" + type + ".v1.example.json";
    }

    /** The event type named by a {@code ce_type} header. */
    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Like {@link #find(String)}, for callers that treat an unknown type as a poison message. */
    public static EventType of(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
    }

    /** The event type of a payload record. */
    public static EventType of(EventPayload payload) {
        EventType eventType = BY_PAYLOAD.get(payload.getClass());
        if (eventType == null) {
            throw new IllegalArgumentException("not a catalog payload: " + payload.getClass().getName());
        }
        return eventType;
    }

    /** The event types published on a topic, in catalog order. */
    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).toList();
    }
}
