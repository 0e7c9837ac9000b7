package io.windbell.scoring.driver;

import java.util.List;

/**
 * The outcome of one driver regression: either the fitted model with one {@link Effect} per factor, or
 * {@link Status#INSUFFICIENT} with the reason the data cannot support a model (too few observations, a factor that does
 * not vary, collinear factors). Non-finite numbers are possible only where the maths says so (a perfect fit).
 *
 * @param fPValue
 *            the p-value of the overall F test (all slopes zero)
 */
public record DriverModel(Status status, String reason, int n, double rSquared, double adjustedRSquared,
        double fStatistic, double fPValue, double intercept, List<Effect> effects) {

    /** Whether a model could be fitted. */
    public enum Status {
        OK, INSUFFICIENT
    }

    public DriverModel {
        effects = List.copyOf(effects);
    }

    /** The answer when no model can be fitted to {@code n} observations. */
    public static DriverModel insufficient(int n, String reason) {
        return new DriverModel(Status.INSUFFICIENT, reason, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, List.of());
    }

    /**
     * One factor of the model.
     *
     * @param coefficient
     *            the slope in the data's units (change of the anchor per unit of the factor, others held fixed)
     * @param standardError
     *            of {@code coefficient}
     * @param pValue
     *            two-sided, from the t distribution with {@code n - k - 1} degrees of freedom
     * @param standardizedCoefficient
     *            {@code coefficient * sd(x) / sd(y)}: comparable across factors
     * @param standardizedStandardError
     *            {@code standardError * sd(x) / sd(y)}
     * @param importance
     *            the factor's share of R² (LMG: its mean R² gain over all orders of entry); they sum to R²
     * @param relativeImportance
     *            {@code importance / R²}; they sum to 1
     */
    public record Effect(String factor, double coefficient, double standardError, double tStatistic, double pValue,
            double standardizedCoefficient, double standardizedStandardError, double importance,
            double relativeImportance) {
    }
}
