package io.windbell.scoring.pyramid;

import java.util.ArrayList;
import java.util.List;

import io.windbell.scoring.stats.Estimate;
import io.windbell.scoring.stats.Significance;

/**
 * The metric pyramid's maths, on measures already read: each node's trend against the previous period (delta and the z
 * test of {@link Significance#difference}) and each child's contribution to its parent (ADR 0016):
 *
 * <pre>
 * contribution(c) = (n_c / Σ n_siblings) × (value_c − value_parent)      (in the parent's unit)
 * </pre>
 *
 * with the child's value put on the parent's scale first. The contributions of a parent's children therefore add up to
 * the sample-weighted mean of the children minus the parent; when the children split the parent's sample (journeys of
 * the bank's NPS answers) that is 0, and each contribution is how far that child pulls the parent away from the others.
 */
public final class Pyramid {

    /** The levels of the pyramid. */
    public enum Level {
        NORTH_STAR, JOURNEY, FACTOR
    }

    private Pyramid() {
    }

    /**
     * One subject measured in two periods.
     *
     * @param metric
     *            {@code NPS}, {@code INDEX} or {@code FACTOR_SCORE}
     * @param questionType
     *            a factor's question type; {@code null} above
     * @param npsScale
     *            whether the values are NPS (-100..100); otherwise they are on 0..100 and map 1:1
     */
    public record Measure(String code, String metric, String questionType, Estimate current, Estimate previous,
            boolean npsScale) {

        /** The current value on 0..100: NPS as {@code (NPS + 100) / 2}. */
        double score() {
            return npsScale ? (current.value() + 100) / 2 : current.value();
        }

        /** How many units of this measure's value one point of the 0..100 score is. */
        double unitsPerPoint() {
            return npsScale ? 2 : 1;
        }
    }

    /** A journey's measure and those of its touchpoint factors. */
    public record Branch(Measure journey, List<Measure> factors) {
    }

    /**
     * One node as the API shows it.
     *
     * @param value
     *            this period's, {@code null} without a sample
     * @param previous
     *            the previous period's, {@code null} without a sample
     * @param delta
     *            {@code value − previous}, {@code null} unless both exist
     * @param significant
     *            whether the change is significant at alpha (false when it cannot be tested)
     * @param contribution
     *            to the level above, in its unit; {@code null} at the top
     */
    public record Node(Level level, String code, String metric, String questionType, Double value, Double previous,
            Double delta, boolean significant, Double z, Double pValue, long n, long previousN, boolean lowSample,
            Double contribution, List<Node> children) {
    }

    /** The pyramid: the north star, its journeys and their factors. */
    public static Node build(Measure northStar, List<Branch> journeys, double alpha, int lowSampleSize) {
        List<Measure> journeyMeasures = journeys.stream().map(Branch::journey).toList();
        double[] journeyContributions = contributions(northStar, journeyMeasures);
        List<Node> journeyNodes = new ArrayList<>();
        for (int j = 0; j < journeys.size(); j++) {
            Branch branch = journeys.get(j);
            double[] factorContributions = contributions(branch.journey(), branch.factors());
            List<Node> factorNodes = new ArrayList<>();
            for (int f = 0; f < branch.factors().size(); f++) {
                factorNodes.add(node(Level.FACTOR, branch.factors().get(f), factorContributions[f], List.of(), alpha,
                        lowSampleSize));
            }
            journeyNodes.add(
                    node(Level.JOURNEY, branch.journey(), journeyContributions[j], factorNodes, alpha, lowSampleSize));
        }
        return node(Level.NORTH_STAR, northStar, Double.NaN, journeyNodes, alpha, lowSampleSize);
    }

    /**
     * Each child's contribution to {@code parent} ({@code NaN} when the parent or the children have no sample; 0 for a
     * child without a sample this period).
     */
    static double[] contributions(Measure parent, List<Measure> children) {
        double[] contributions = new double[children.size()];
        long total = children.stream().mapToLong(c -> c.current().n()).sum();
        boolean defined = total > 0 && parent.current().n() > 0 && !Double.isNaN(parent.current().value());
        for (int i = 0; i < contributions.length; i++) {
            Measure child = children.get(i);
            if (!defined) {
                contributions[i] = Double.NaN;
            } else if (child.current().n() == 0) {
                contributions[i] = 0;
            } else {
                double share = (double) child.current().n() / total;
                contributions[i] = share * (child.score() - parent.score()) * parent.unitsPerPoint();
            }
        }
        return contributions;
    }

    private static Node node(Level level, Measure measure, double contribution, List<Node> children, double alpha,
            int lowSampleSize) {
        Estimate current = measure.current();
        Estimate previous = measure.previous();
        Double value = valueOf(current);
        Double before = valueOf(previous);
        Significance.Test test = Significance.difference(previous, current, alpha);
        return new Node(level, measure.code(), measure.metric(), measure.questionType(), value, before,
                value == null || before == null ? null : value - before, test.significant(), finite(test.z()),
                finite(test.pValue()), current.n(), previous.n(), current.n() < lowSampleSize, finite(contribution),
                List.copyOf(children));
    }

    private static Double valueOf(Estimate estimate) {
        return estimate.n() == 0 ? null : finite(estimate.value());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
