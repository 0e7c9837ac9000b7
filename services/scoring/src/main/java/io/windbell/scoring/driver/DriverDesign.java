package io.windbell.scoring.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the observations of one journey into a regression design (docs/adr/0017): a factor enters when it was answered
 * in at least {@code minCoverage} of the responses (the {@code maxFactors} most answered of those), and the rows are
 * the complete cases, the responses that answered every entering factor. A survey asks about the touchpoints a customer
 * went through, so the factors are sparse; imputing the missing answers would invent the very covariance the regression
 * measures.
 *
 * @param factors
 *            the entering factors, most answered first
 * @param excluded
 *            the factors left out, with why
 * @param observations
 *            all the responses considered, complete or not
 */
public record DriverDesign(List<String> factors, double[][] x, double[] y, List<Excluded> excluded, int observations) {

    /** One anchor answer with its factor answers, all on 0..1 ({@link Scales}). */
    public record Observation(double anchor, Map<String, Double> factors) {
    }

    /** A factor that did not enter the regression. */
    public record Excluded(String factor, int answers, String reason) {
    }

    public static DriverDesign of(List<Observation> observations, double minCoverage, int maxFactors) {
        Map<String, Integer> answers = new HashMap<>();
        for (Observation observation : observations) {
            observation.factors().keySet().forEach(factor -> answers.merge(factor, 1, Integer::sum));
        }
        int total = observations.size();
        List<String> ranked = answers.keySet().stream()
                .sorted(Comparator.comparing((String f) -> -answers.get(f)).thenComparing(f -> f)).toList();
        List<String> factors = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (String factor : ranked) {
            int count = answers.get(factor);
            if (count < minCoverage * total) {
                excluded.add(new Excluded(factor, count, "answered in " + Math.round(100.0 * count / total)
                        + "% of the responses, less than " + Math.round(100 * minCoverage) + "%"));
            } else if (factors.size() >= maxFactors) {
                excluded.add(new Excluded(factor, count, "beyond the " + maxFactors + " most answered factors"));
            } else {
                factors.add(factor);
            }
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> anchors = new ArrayList<>();
        for (Observation observation : observations) {
            if (observation.factors().keySet().containsAll(factors)) {
                double[] row = new double[factors.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = observation.factors().get(factors.get(j));
                }
                rows.add(row);
                anchors.add(observation.anchor());
            }
        }
        return new DriverDesign(List.copyOf(factors), rows.toArray(double[][]::new),
                anchors.stream().mapToDouble(Double::doubleValue).toArray(), List.copyOf(excluded), total);
    }

    /** The complete cases: the rows of the regression. */
    public int n() {
        return y.length;
    }

    public DriverModel fit() {
        return DriverRegression.fit(factors, x, y);
    }
}
