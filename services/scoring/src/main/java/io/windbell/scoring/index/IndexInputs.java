package io.windbell.scoring.index;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.windbell.scoring.rollup.RollupReader.FactorKey;
import io.windbell.scoring.rollup.RollupReader.JourneyTotals;
import io.windbell.scoring.rollup.RollupReader.TouchpointTotals;
import io.windbell.scoring.rollup.ScoreCounts;
import io.windbell.scoring.stats.Estimate;
import io.windbell.scoring.stats.Proportion;

/**
 * The period totals of one period and scope that the index and the pyramid are computed from, and which components
 * apply to each subject: the bank has all seven; a journey its anchor answers and its completion and interruption; a
 * touchpoint the answers to its questions (in any journey) and its success and abandonment. Plain data.
 *
 * @param bankAnswers
 *            anchor answers by metric (NPS, CSAT, CES), dimension {@code all}
 * @param journeyAnswers
 *            anchor answers by metric, then by journey ({@code ''}: answers without a journey)
 */
public record IndexInputs(Map<String, ScoreCounts> bankAnswers, Map<String, Map<String, ScoreCounts>> journeyAnswers,
        Map<FactorKey, ScoreCounts> factors, Map<String, TouchpointTotals> touchpoints,
        Map<String, JourneyTotals> journeys) {

    /** The anchor metrics of the survey answers, as the rollups name them. */
    public static final List<String> ANCHORS = List.of("NPS", "CSAT", "CES");

    /** Nothing: what a caller asking outside their scope is answered from. */
    public static final IndexInputs EMPTY = new IndexInputs(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public IndexInputs {
        bankAnswers = Map.copyOf(bankAnswers);
        journeyAnswers = Map.copyOf(journeyAnswers);
        factors = Map.copyOf(factors);
        touchpoints = Map.copyOf(touchpoints);
        journeys = Map.copyOf(journeys);
    }

    /** The raw estimate a score distribution gives a component: NPS, the top-2-box share, or the mean (CES). */
    public static Estimate raw(Component component, ScoreCounts counts) {
        if (counts == null) {
            return Estimate.EMPTY;
        }
        return switch (component) {
        case NPS -> counts.nps();
        case CES -> counts.mean();
        default -> counts.topTwoShare();
        };
    }

    /** The bank's components. */
    public Map<Component, Estimate> bank() {
        Map<Component, Estimate> raw = answers(bankAnswers);
        TouchpointTotals outcomes = touchpoints.values().stream().reduce(TouchpointTotals.NONE, TouchpointTotals::plus);
        JourneyTotals ends = journeys.values().stream().reduce(JourneyTotals.NONE, JourneyTotals::plus);
        putOutcomes(raw, outcomes);
        putEnds(raw, ends);
        return raw;
    }

    /** A journey's components. */
    public Map<Component, Estimate> journey(String code) {
        Map<String, ScoreCounts> answers = new HashMap<>();
        journeyAnswers.forEach((metric, byJourney) -> {
            ScoreCounts counts = byJourney.get(code);
            if (counts != null) {
                answers.put(metric, counts);
            }
        });
        Map<Component, Estimate> raw = answers(answers);
        putEnds(raw, journeys.getOrDefault(code, JourneyTotals.NONE));
        return raw;
    }

    /** A touchpoint's components: its questions' answers by type (RATING read as CSAT) over every journey. */
    public Map<Component, Estimate> touchpoint(String code) {
        Map<String, ScoreCounts> answers = new HashMap<>();
        factors.forEach((key, counts) -> {
            if (key.touchpoint().equals(code)) {
                String metric = Component.ofQuestionType(key.questionType()).name();
                ScoreCounts total = answers.computeIfAbsent(metric, ScoreCounts::forScale);
                total.add(counts);
            }
        });
        Map<Component, Estimate> raw = answers(answers);
        putOutcomes(raw, touchpoints.getOrDefault(code, TouchpointTotals.NONE));
        return raw;
    }

    private static Map<Component, Estimate> answers(Map<String, ScoreCounts> byMetric) {
        Map<Component, Estimate> raw = new EnumMap<>(Component.class);
        for (String metric : ANCHORS) {
            Component component = Component.valueOf(metric);
            raw.put(component, raw(component, byMetric.get(metric)));
        }
        return raw;
    }

    private static void putOutcomes(Map<Component, Estimate> raw, TouchpointTotals outcomes) {
        raw.put(Component.SUCCESS_RATE, Proportion.of(outcomes.successes(), outcomes.n()));
        raw.put(Component.ABANDONMENT_RATE, Proportion.of(outcomes.abandoned(), outcomes.n()));
    }

    private static void putEnds(Map<Component, Estimate> raw, JourneyTotals ends) {
        raw.put(Component.COMPLETION_RATE, Proportion.of(ends.completed(), ends.ended()));
        raw.put(Component.INTERRUPTION_RATE, Proportion.of(ends.interrupted(), ends.ended()));
    }
}
