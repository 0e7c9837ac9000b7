package io.windbell.survey.bank;

/**
 * Facts the journey events already record, so that a question they answer need not be asked
 * ({@link Question#answeredByBehaviour()}). Assembly skips such a question when the triggering journey carries the
 * fact.
 */
public enum Behaviour {
    /** Whether the journey reached its goal (completed or interrupted), e.g. "Did you complete your purchase?". */
    JOURNEY_OUTCOME,
    /** Which channels the customer used, e.g. "Where did you apply?". */
    CHANNEL_USED,
    /** How long the journey or a touchpoint took, e.g. "How long did it take?". */
    DURATION,
    /** Whether the customer met an error, e.g. "Did anything fail along the way?". */
    ERROR_SEEN;

    /** Whether {@code code} names a behaviour. */
    public static boolean isKnown(String code) {
        for (Behaviour b : values()) {
            if (b.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
