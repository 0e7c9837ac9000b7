package io.windbell.loadgen.cli;

import io.windbell.contracts.Topics;

/**
 * What {@code journey-ends} adds to the common settings.
 *
 * @param interruptedShare
 *            the share of journey ends that are {@code journey.interrupted} (the rest complete), 0..1
 * @param firstCustomer
 *            the index of the run's first customer ({@code C00000001} is 0), so that a second run against the same
 *            survey database meets customers whose contact budget is still free
 * @param surveyTopic
 *            where a paced run reads {@code survey.invited} to measure the time to an invitation
 */
public record JourneyEndsOptions(double interruptedShare, int firstCustomer, String surveyTopic) {

    public static final double DEFAULT_INTERRUPTED_SHARE = 0.3;
    public static final String DEFAULT_SURVEY_TOPIC = Topics.SURVEY_EVENTS;
}
