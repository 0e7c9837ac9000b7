package io.windbell.survey.bank;

import java.util.List;
import java.util.Map;

import io.windbell.contracts.survey.QuestionType;

/**
 * One version of a question of the bank. Texts may hold piping placeholders ({@code {journey}}, {@code {touchpoint}},
 * {@code {product}}, {@code {branch}}, {@code {employee}}) that assembly fills in per customer.
 *
 * @param id
 *            stable code, e.g. {@code Q_NPS_WEALTH}; answers and scoring refer to it
 * @param text
 *            locale ({@code zh-CN}, {@code en}) to text; both locales are required
 * @param options
 *            the choices of SINGLE_CHOICE and MULTIPLE_CHOICE questions; empty otherwise (and for WHAT_WENT_WRONG,
 *            whose options are the touchpoints the customer visited)
 * @param scaleMin
 *            the lowest score of a RATING question; NPS, CSAT and CES have fixed scales
 * @param answeredByBehaviour
 *            the behavioural fact that already answers this question (e.g. {@code JOURNEY_OUTCOME}); such a question is
 *            never asked about a journey that records that fact, {@code null} when behaviour cannot answer it
 */
public record Question(String id, int version, QuestionType type, Purpose purpose, Map<String, String> text,
        List<Option> options, Integer scaleMin, Integer scaleMax, Tags tags, String answeredByBehaviour,
        boolean active) {

    public Question {
        text = Map.copyOf(text);
        options = options == null ? List.of() : List.copyOf(options);
        tags = tags == null ? Tags.NONE : tags;
    }

    /** What a question is for; assembly picks questions by purpose. */
    public enum Purpose {
        /** The headline metric (its type is the rule's anchor metric). */
        ANCHOR,
        /** About one touchpoint (tagged with it), or any visited touchpoint when untagged ({@code {touchpoint}}). */
        TOUCHPOINT,
        /** About the branch the customer visited. */
        BRANCH,
        /** About the employee or relationship manager who served the customer. */
        EMPLOYEE,
        /** The detractor branch: which of the visited touchpoints went wrong (multiple choice). */
        WHAT_WENT_WRONG,
        /** Free feedback at the end. */
        OPEN_TEXT,
        /** The one question after a recovery work order. */
        FOLLOW_UP,
        /** About the journey as a whole. */
        JOURNEY
    }

    /** One choice; {@code id} is what an answer carries, {@code label} is per locale. */
    public record Option(String id, Map<String, String> label) {
        public Option {
            label = Map.copyOf(label);
        }
    }

    /** Where a question applies; an empty list means "any". */
    public record Tags(List<String> journeys, List<String> phases, List<String> touchpoints, List<String> factors,
            List<String> channels) {

        public static final Tags NONE = new Tags(List.of(), List.of(), List.of(), List.of(), List.of());

        public Tags {
            journeys = journeys == null ? List.of() : List.copyOf(journeys);
            phases = phases == null ? List.of() : List.copyOf(phases);
            touchpoints = touchpoints == null ? List.of() : List.copyOf(touchpoints);
            factors = factors == null ? List.of() : List.copyOf(factors);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }
}
