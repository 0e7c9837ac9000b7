package io.windbell.scoring.pyramid;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.platform.security.DataScope;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.index.Component;
import io.windbell.scoring.index.ExperienceIndex;
import io.windbell.scoring.index.ExperienceIndexService;
import io.windbell.scoring.index.IndexInputs;
import io.windbell.scoring.index.IndexModel;
import io.windbell.scoring.rollup.RollupReader.FactorKey;
import io.windbell.scoring.rollup.ScoreCounts;
import io.windbell.scoring.stats.Estimate;

/**
 * The metric pyramid of one period and the one before, within the caller's scope: the north star the model in force
 * names (the bank's NPS or index), every journey with answers or events in either period, and every touchpoint factor
 * asked in each journey.
 */
@ApplicationScoped
public class PyramidService {

    static final String BANK = "BANK";

    /**
     * The pyramid answer.
     *
     * @param model
     *            the index model that chose the north star (the built-in default when {@code version} is 0)
     */
    public record Answer(Period period, Period previousPeriod, IndexModel model, int minimumSample, double alpha,
            Pyramid.Node northStar) {
    }

    private final ExperienceIndexService index;
    private final ScoringConfig scoring;
    private final PyramidConfig config;

    PyramidService(ExperienceIndexService index, ScoringConfig scoring, PyramidConfig config) {
        this.index = index;
        this.scoring = scoring;
        this.config = config;
    }

    /** The pyramid of {@code period}; empty (n = 0, no journeys) when {@code filter} is empty (outside the scope). */
    public Answer pyramid(Period period, Optional<DataScope.Filter> filter) throws SQLException {
        IndexModel model = index.model();
        Period previous = period.previous();
        IndexInputs current = index.inputs(period.from(), period.to(), filter);
        IndexInputs before = index.inputs(previous.from(), previous.to(), filter);
        int minimumSample = index.minimumSample(model);
        Pyramid.Node top = build(model, minimumSample, current, before, config.alpha(), scoring.lowSampleSize());
        return new Answer(period, previous, model, minimumSample, config.alpha(), top);
    }

    /** The pyramid from the totals of two periods (no database: unit-testable). */
    static Pyramid.Node build(IndexModel model, int minimumSample, IndexInputs current, IndexInputs before,
            double alpha, int lowSampleSize) {
        Measures measures = new Measures(model, minimumSample, current, before);
        List<Pyramid.Branch> branches = new ArrayList<>();
        for (String journey : journeys(model, current, before)) {
            branches.add(new Pyramid.Branch(measures.journey(journey), measures.factors(journey)));
        }
        return Pyramid.build(measures.bank(), branches, alpha, lowSampleSize);
    }

    /** The journeys of either period, by code ({@code ''}, answers without a journey, first). */
    private static TreeSet<String> journeys(IndexModel model, IndexInputs current, IndexInputs before) {
        TreeSet<String> codes = new TreeSet<>();
        for (IndexInputs inputs : List.of(current, before)) {
            codes.addAll(inputs.journeyAnswers().getOrDefault("NPS", Map.of()).keySet());
            inputs.factors().keySet().forEach(key -> codes.add(key.journey()));
            if (model.northStar() == IndexModel.NorthStar.INDEX) {
                inputs.journeyAnswers().values().forEach(byJourney -> codes.addAll(byJourney.keySet()));
                codes.addAll(inputs.journeys().keySet());
            }
        }
        return codes;
    }

    /** Reads the measures of both periods by the model's north star. */
    private record Measures(IndexModel model, int minimumSample, IndexInputs current, IndexInputs before) {

        Pyramid.Measure bank() {
            if (model.northStar() == IndexModel.NorthStar.NPS) {
                return nps(BANK, current.bankAnswers().get("NPS"), before.bankAnswers().get("NPS"));
            }
            return index(BANK, current.bank(), before.bank());
        }

        Pyramid.Measure journey(String code) {
            if (model.northStar() == IndexModel.NorthStar.NPS) {
                return nps(code, current.journeyAnswers().getOrDefault("NPS", Map.of()).get(code),
                        before.journeyAnswers().getOrDefault("NPS", Map.of()).get(code));
            }
            return index(code, current.journey(code), before.journey(code));
        }

        List<Pyramid.Measure> factors(String journey) {
            TreeSet<FactorKey> keys = new TreeSet<>(
                    Comparator.comparing(FactorKey::touchpoint).thenComparing(FactorKey::questionType));
            for (IndexInputs inputs : List.of(current, before)) {
                inputs.factors().keySet().stream().filter(key -> key.journey().equals(journey)).forEach(keys::add);
            }
            return keys.stream().map(key -> new Pyramid.Measure(key.touchpoint(), "FACTOR_SCORE", key.questionType(),
                    factorScore(key, current), factorScore(key, before), false)).toList();
        }

        private Pyramid.Measure nps(String code, ScoreCounts now, ScoreCounts then) {
            return new Pyramid.Measure(code, "NPS", null, IndexInputs.raw(Component.NPS, now),
                    IndexInputs.raw(Component.NPS, then), true);
        }

        private Pyramid.Measure index(String code, Map<Component, Estimate> now, Map<Component, Estimate> then) {
            return new Pyramid.Measure(code, "INDEX", null, ExperienceIndex.of(now, model, minimumSample).value(),
                    ExperienceIndex.of(then, model, minimumSample).value(), false);
        }

        /** A factor's answers on 0..100, by the normalisation of the index component its question type scores. */
        private static Estimate factorScore(FactorKey key, IndexInputs inputs) {
            Component component = Component.ofQuestionType(key.questionType());
            return component.normalise(IndexInputs.raw(component, inputs.factors().get(key)));
        }
    }
}
