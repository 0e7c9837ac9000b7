package io.windbell.workorder.rule;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.Priority;

/** The priority an alert's severity stands for: LOW→LOW, MEDIUM→NORMAL, HIGH→HIGH, CRITICAL→URGENT. */
public final class Priorities {

    private Priorities() {
    }

    /** The priority of {@code severity}; NORMAL for a signal without one (an interrupted journey). */
    public static Priority of(Severity severity) {
        if (severity == null) {
            return Priority.NORMAL;
        }
        return switch (severity) {
        case LOW -> Priority.LOW;
        case MEDIUM -> Priority.NORMAL;
        case HIGH -> Priority.HIGH;
        case CRITICAL -> Priority.URGENT;
        };
    }
}
