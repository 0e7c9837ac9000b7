package io.windbell.scoring.driver;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares of an anchor score on touchpoint factors (Apache Commons Math), with standardised coefficients
 * and the LMG decomposition of R² (docs/adr/0017). Plain maths: rows in, {@link DriverModel} out; a design that cannot
 * be fitted is an {@link DriverModel.Status#INSUFFICIENT} answer, never an exception.
 */
public final class DriverRegression {

    /** LMG fits every subset of the factors: 2^k of them. */
    public static final int MAX_FACTORS = 12;
    /**
     * The smallest eigenvalue of the factors' correlation matrix below which they count as collinear (one factor is, up
     * to rounding, a linear combination of the others).
     */
    static final double COLLINEAR = 1e-9;

    private DriverRegression() {
    }

    /**
     * Fits {@code y = b0 + sum b_j x_j}.
     *
     * @param x
     *            one row per observation, one column per factor, in the order of {@code factors}
     */
    public static DriverModel fit(List<String> factors, double[][] x, double[] y) {
        int n = y.length;
        int k = factors.size();
        if (k == 0) {
            return DriverModel.insufficient(n, "no factor has enough answers");
        }
        if (k > MAX_FACTORS) {
            throw new IllegalArgumentException("at most " + MAX_FACTORS + " factors, got " + k);
        }
        if (n < k + 2) {
            return DriverModel.insufficient(n,
                    n + " complete observations cannot fit " + k + " factors: at least " + (k + 2) + " are needed");
        }
        double sdY = new StandardDeviation().evaluate(y);
        if (sdY == 0) {
            return DriverModel.insufficient(n, "the anchor score does not vary");
        }
        double[] sdX = new double[k];
        for (int j = 0; j < k; j++) {
            sdX[j] = new StandardDeviation().evaluate(column(x, j));
            if (sdX[j] == 0) {
                return DriverModel.insufficient(n, "factor " + factors.get(j) + " does not vary");
            }
        }
        // the correlations of [x_1..x_k, y]: the collinearity check and every subset's R² come from them
        RealMatrix correlation = new PearsonsCorrelation(withColumn(x, y)).getCorrelationMatrix();
        RealMatrix factorCorrelation = correlation.getSubMatrix(0, k - 1, 0, k - 1);
        double smallest = min(new EigenDecomposition(factorCorrelation).getRealEigenvalues());
        if (smallest < COLLINEAR) {
            return DriverModel.insufficient(n, "the factors are collinear: one is a linear combination of the others");
        }

        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        double r2 = ols.calculateRSquared();
        double adjusted = ols.calculateAdjustedRSquared();
        int df = n - k - 1;
        double f = (r2 / k) / ((1 - r2) / df);
        double fP = r2 >= 1 ? 0 : Math.max(0, 1 - new FDistribution(k, df).cumulativeProbability(f));
        TDistribution t = new TDistribution(df);
        double[] importance = lmg(correlation, k);

        List<DriverModel.Effect> effects = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double b = beta[j + 1];
            double tj = b / se[j + 1];
            // the lower tail keeps its precision for tiny p-values, 1 - cdf would round them to 0
            double pj = Double.isInfinite(tj) ? 0 : 2 * t.cumulativeProbability(-Math.abs(tj));
            double scale = sdX[j] / sdY;
            effects.add(new DriverModel.Effect(factors.get(j), b, se[j + 1], tj, pj, b * scale, se[j + 1] * scale,
                    importance[j], r2 > 0 ? importance[j] / r2 : Double.NaN));
        }
        return new DriverModel(DriverModel.Status.OK, null, n, r2, adjusted, f, fP, beta[0], effects);
    }

    /**
     * LMG (Lindeman, Merenda and Gold; the Shapley value of R²): factor j's share is the weighted mean, over every
     * subset S of the other factors, of the R² it adds to S, with weight {@code |S|! (k - |S| - 1)! / k!} (the share of
     * orders of entry in which exactly S precedes j). R²(S) is {@code r_yS' R_SS^-1 r_yS} from the correlations.
     */
    static double[] lmg(RealMatrix correlation, int k) {
        int subsets = 1 << k;
        double[] r2 = new double[subsets];
        for (int mask = 1; mask < subsets; mask++) {
            r2[mask] = rSquared(correlation, k, mask);
        }
        double[] weight = new double[k];
        for (int s = 0; s < k; s++) {
            weight[s] = factorial(s) * factorial(k - s - 1) / factorial(k);
        }
        double[] shares = new double[k];
        for (int j = 0; j < k; j++) {
            int bit = 1 << j;
            for (int mask = 0; mask < subsets; mask++) {
                if ((mask & bit) == 0) {
                    shares[j] += weight[Integer.bitCount(mask)] * (r2[mask | bit] - r2[mask]);
                }
            }
        }
        return shares;
    }

    /** R² of y on the factors in {@code mask}, from the correlation matrix whose last row and column are y. */
    private static double rSquared(RealMatrix correlation, int k, int mask) {
        int[] members = new int[Integer.bitCount(mask)];
        int m = 0;
        for (int j = 0; j < k; j++) {
            if ((mask & (1 << j)) != 0) {
                members[m++] = j;
            }
        }
        RealMatrix within = correlation.getSubMatrix(members, members);
        ArrayRealVector withY = new ArrayRealVector(members.length);
        for (int i = 0; i < members.length; i++) {
            withY.setEntry(i, correlation.getEntry(members[i], k));
        }
        return withY.dotProduct(new LUDecomposition(within).getSolver().solve(withY));
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private static double[] column(double[][] x, int j) {
        double[] column = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            column[i] = x[i][j];
        }
        return column;
    }

    private static double[][] withColumn(double[][] x, double[] y) {
        int k = x[0].length;
        double[][] all = new double[x.length][k + 1];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, all[i], 0, k);
            all[i][k] = y[i];
        }
        return all;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
