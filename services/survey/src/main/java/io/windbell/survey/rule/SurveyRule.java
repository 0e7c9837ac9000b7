package io.windbell.survey.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;

/**
 * One version of a survey rule: which journey events may trigger a survey, how often, when it is sent and expires, and
 * what it is anchored on.
 *
 * @param priority
 *            when several active rules match one event, the highest priority wins (ties: the smaller code)
 * @param samplingRate
 *            0..1, the share of matching journeys that are surveyed; decided by a hash of customer, journey and rule,
 *            so a replay decides the same
 * @param delay
 *            how long after the trigger the invitation is delivered (quiet hours may push it later)
 * @param maxQuestions
 *            at most this many questions about touchpoints, branch and employee besides the anchor question
 * @param channel
 *            the delivery channel; {@code null} = the customer's preference, else APP_PUSH
 */
public record SurveyRule(String code, int version, String name, boolean active, int priority, Trigger trigger,
        Filter filter, double samplingRate, Duration delay, Expiry expiry, int maxQuestions, AnchorMetric anchorMetric,
        DeliveryChannel channel, String surveyCode) {

    /** The journey event that triggers the rule. */
    public enum Trigger {
        JOURNEY_COMPLETED, JOURNEY_INTERRUPTED
    }

    /**
     * Which journeys the rule applies to; an empty list means "any". {@code channels} matches when the journey used any
     * of them; {@code reasons} only applies to interruptions.
     */
    public record Filter(List<String> journeys, List<String> phases, List<InterruptionReason> reasons,
            List<String> channels) {

        public static final Filter ANY = new Filter(List.of(), List.of(), List.of(), List.of());

        public Filter {
            journeys = journeys == null ? List.of() : List.copyOf(journeys);
            phases = phases == null ? List.of() : List.copyOf(phases);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /**
     * When an invitation stops being answerable: {@code after} its delivery and/or {@code at} an absolute instant (the
     * earlier wins; at least one is set), and optionally as soon as the journey moves on ({@code journey.progressed},
     * {@code journey.resumed}, {@code journey.completed} of the same instance) or a recovery work order for the
     * customer is opened or resolved.
     */
    public record Expiry(Duration after, Instant at, boolean onJourneyProgress, boolean onRecovery) {
    }
}
