package io.windbell.scoring.alert;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;

/** The kinds of alert scoring raises, each with its event type on {@code cx.experience-alerts.v1}. */
public enum AlertType {
    LOW_SCORE(LowScoreAlert.TYPE), TOUCHPOINT_DEGRADED(TouchpointDegradedAlert.TYPE),
    TOUCHPOINT_RECOVERED(TouchpointRecoveredAlert.TYPE);

    private final String eventType;

    AlertType(String eventType) {
        this.eventType = eventType;
    }

    /** The CloudEvents type, e.g. {@code alert.low-score}. */
    public String eventType() {
        return eventType;
    }

    public static AlertType of(EventPayload alert) {
        return switch (alert) {
        case LowScoreAlert a -> LOW_SCORE;
        case TouchpointDegradedAlert a -> TOUCHPOINT_DEGRADED;
        case TouchpointRecoveredAlert a -> TOUCHPOINT_RECOVERED;
        default -> throw new IllegalArgumentException("not an alert: " + alert.getClass().getName());
        };
    }
}
