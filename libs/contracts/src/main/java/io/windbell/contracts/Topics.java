package io.windbell.contracts;

/** Kafka topic names of the event catalog; the only place they are spelled out. */
public final class Topics {

    public static final String TOUCHPOINT_EVENTS = "cx.touchpoint-events.v1";
    public static final String JOURNEY_EVENTS = "cx.journey-events.v1";
    public static final String SURVEY_EVENTS = "cx.survey-events.v1";
    public static final String EXPERIENCE_ALERTS = "cx.experience-alerts.v1";
    public static final String WORKORDER_EVENTS = "cx.workorder-events.v1";

    private Topics() {
    }

    /** The dead-letter topic a consuming service uses for poison messages of {@code topic}. */
    public static String deadLetter(String topic, String service) {
        return topic + ".dlq." + service;
    }
}
