package io.windbell.loadgen.cli;

/**
 * What {@code scoring-events} adds to the common settings.
 *
 * @param touchpoints
 *            {@code touchpoint.recorded} to write as fast as possible (counted mode), their times spread over
 *            {@code days}
 * @param responses
 *            {@code survey.responded} to write as fast as possible after the touchpoints (counted mode), spread over
 *            {@code days}; 0 in paced mode, where {@code --rate} responses per second are sent as they happen
 * @param days
 *            how far back the counted events go: they happened between {@code days} days ago and now
 * @param interruptedShare
 *            the share of answers about an interrupted journey (their customers are more often detractors), 0..1
 * @param alertsTopic
 *            where a paced run reads {@code alert.low-score} to measure the time from a response to its alert
 */
public record ScoringEventsOptions(long touchpoints, long responses, int days, double interruptedShare,
        String touchpointTopic, String surveyTopic, String alertsTopic) {

    public static final int DEFAULT_DAYS = 120;
    public static final double DEFAULT_INTERRUPTED_SHARE = 0.3;

    /** Paced: responses at a rate, each read back as its alert (or not). */
    public boolean paced() {
        return touchpoints == 0 && responses == 0;
    }
}
