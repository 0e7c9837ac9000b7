package io.windbell.contracts;

import java.util.List;

/** Kafka topic names of the event catalog; the only place they are spelled out. */
public final class Topics {

    /** Produced by ingest. Key: customer id, or the anonymous id before login. */
    public static final String TOUCHPOINT_EVENTS = "cx.touchpoint-events.v1";
    /** Produced by journey. Key: customer id, so one customer's journeys stay in order. */
    public static final String JOURNEY_EVENTS = "cx.journey-events.v1";
    /** Produced by survey. Key: customer id. */
    public static final String SURVEY_EVENTS = "cx.survey-events.v1";
    /**
     * Produced by scoring. Key: customer id; {@code alert.touchpoint-degraded} and {@code alert.touchpoint-recovered},
     * which have no customer, are keyed by their touchpoint code.
     */
    public static final String EXPERIENCE_ALERTS = "cx.experience-alerts.v1";
    /** Produced by workorder. Key: work order id, so each order's lifecycle stays in order. */
    public static final String WORKORDER_EVENTS = "cx.workorder-events.v1";

    private Topics() {
    }

    /** Every topic of the catalog. */
    public static List<String> all() {
        return List.of(TOUCHPOINT_EVENTS, JOURNEY_EVENTS, SURVEY_EVENTS, EXPERIENCE_ALERTS, WORKORDER_EVENTS);
    }

    /** The dead-letter topic a consuming service uses for poison messages of {@code topic}. */
    public static String deadLetter(String topic, String service) {
        return topic + ".dlq." + service;
    }
}
