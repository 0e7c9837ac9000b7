package io.windbell.scoring.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.QuestionType;

/** Hand-worked regressions, the designs that cannot be fitted, the scales and the selection of factors. */
class DriverRegressionTest {

    @Test
    void oneFactorIsSimpleRegression() {
        // x = 0, 1, 2, 3; y = 1, 3, 2, 5: mean x 1.5, mean y 2.75; Sxx = 5, Sxy = (-1.5)(-1.75) + (-0.5)(0.25)
        // + (0.5)(-0.75) + (1.5)(2.25) = 2.625 - 0.125 - 0.375 + 3.375 = 5.5; b = 1.1, a = 2.75 - 1.65 = 1.1
        // fitted 1.1, 2.2, 3.3, 4.4; residuals -0.1, 0.8, -1.3, 0.6; RSS = 0.01 + 0.64 + 1.69 + 0.36 = 2.7
        // TSS = 3.0625 + 0.0625 + 0.5625 + 5.0625 = 8.75; R² = 1 - 2.7 / 8.75 = 0.691428571...
        // se(b) = sqrt(RSS / (n - 2) / Sxx) = sqrt(1.35 / 5) = sqrt(0.27); standardized b = r = sqrt(R²) (b > 0)
        // one factor takes all of R² (LMG = R²)
        DriverModel model = DriverRegression.fit(List.of("a.b"), new double[][] { { 0 }, { 1 }, { 2 }, { 3 } },
                new double[] { 1, 3, 2, 5 });

        assertThat(model.status()).isEqualTo(DriverModel.Status.OK);
        assertThat(model.intercept()).isCloseTo(1.1, within(1e-12));
        DriverModel.Effect effect = model.effects().get(0);
        assertThat(effect.coefficient()).isCloseTo(1.1, within(1e-12));
        assertThat(effect.standardError()).isCloseTo(Math.sqrt(0.27), within(1e-12));
        assertThat(model.rSquared()).isCloseTo(1 - 2.7 / 8.75, within(1e-12));
        assertThat(effect.standardizedCoefficient()).isCloseTo(Math.sqrt(1 - 2.7 / 8.75), within(1e-12));
        assertThat(effect.importance()).isCloseTo(model.rSquared(), within(1e-12));
        assertThat(effect.relativeImportance()).isCloseTo(1, within(1e-12));
        // F = t² for one factor
        assertThat(model.fStatistic()).isCloseTo(effect.tStatistic() * effect.tStatistic(), within(1e-9));
    }

    @Test
    void uncorrelatedFactorsShareRSquaredByTheirSquaredCorrelations() {
        // x1 and x2 orthogonal and centred over 4 rows; y = x1 + 2 x2 exactly plus a residual orthogonal to both:
        // r(y,x1)² + r(y,x2)² = R² and with orthogonal factors LMG gives each its own r².
        double[][] x = { { 1, 1 }, { 1, -1 }, { -1, 1 }, { -1, -1 }, { 0, 0 } };
        double[] y = { 3, -1, 1, -3, 0.5 };
        DriverModel model = DriverRegression.fit(List.of("a.x1", "a.x2"), x, y);
        // Sx1y = 3 - 1 - 1 + 3 = 4 over Sxx 4 -> b1 = 1; Sx2y = 3 + 1 + 1 + 3 = 8 -> b2 = 2
        // mean y = 0.1; TSS = sum y² - 5 * 0.01 = 20.25 - 0.05 = 20.2; SSR = b1 Sx1y + b2 Sx2y = 4 + 16 = 20
        assertThat(model.effects().get(0).coefficient()).isCloseTo(1, within(1e-12));
        assertThat(model.effects().get(1).coefficient()).isCloseTo(2, within(1e-12));
        assertThat(model.effects().get(0).importance()).isCloseTo(4 / 20.2, within(1e-12));
        assertThat(model.effects().get(1).importance()).isCloseTo(16 / 20.2, within(1e-12));
        assertThat(model.rSquared()).isCloseTo(20 / 20.2, within(1e-12));
    }

    @Test
    void tooFewObservationsAreInsufficient() {
        DriverModel model = DriverRegression.fit(List.of("a.x", "a.z"), new double[][] { { 0, 1 }, { 1, 0 }, { 1, 1 } },
                new double[] { 1, 2, 3 });

        assertThat(model.status()).isEqualTo(DriverModel.Status.INSUFFICIENT);
        assertThat(model.reason()).contains("at least 4");
        assertThat(model.effects()).isEmpty();
    }

    @Test
    void aFactorThatDoesNotVaryIsInsufficient() {
        DriverModel model = DriverRegression.fit(List.of("a.x", "a.flat"),
                new double[][] { { 0, 1 }, { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }, new double[] { 1, 2, 2, 4, 5 });

        assertThat(model.status()).isEqualTo(DriverModel.Status.INSUFFICIENT);
        assertThat(model.reason()).isEqualTo("factor a.flat does not vary");
    }

    @Test
    void collinearFactorsAreInsufficient() {
        // x3 = x1 + x2
        DriverModel model = DriverRegression.fit(List.of("a.x1", "a.x2", "a.x3"),
                new double[][] { { 0, 1, 1 }, { 1, 0, 1 }, { 1, 1, 2 }, { 2, 1, 3 }, { 0, 2, 2 }, { 3, 1, 4 } },
                new double[] { 1, 2, 3, 4, 2, 5 });

        assertThat(model.status()).isEqualTo(DriverModel.Status.INSUFFICIENT);
        assertThat(model.reason()).contains("collinear");
    }

    @Test
    void anAnchorThatDoesNotVaryIsInsufficient() {
        DriverModel model = DriverRegression.fit(List.of("a.x"), new double[][] { { 0 }, { 1 }, { 2 } },
                new double[] { 7, 7, 7 });

        assertThat(model.reason()).isEqualTo("the anchor score does not vary");
    }

    @Test
    void scalesPutEveryAnswerOnZeroToOneWithOneBest() {
        assertThat(Scales.factor(QuestionType.NPS, 7)).isEqualTo(0.7);
        assertThat(Scales.factor(QuestionType.CSAT, 4)).isEqualTo(0.75);
        assertThat(Scales.factor(QuestionType.RATING, 1)).isEqualTo(0.0);
        // CES 7 is "very hard": the worst
        assertThat(Scales.factor(QuestionType.CES, 7)).isEqualTo(0.0);
        assertThat(Scales.factor(QuestionType.CES, 1)).isEqualTo(1.0);
        assertThat(Scales.factor(QuestionType.CSAT, 6)).isNull();
        assertThat(Scales.factor(QuestionType.OPEN_TEXT, 3)).isNull();
        assertThat(Scales.anchor(AnchorMetric.NPS, 10)).isEqualTo(1.0);
        assertThat(Scales.anchor(AnchorMetric.CES, 4)).isEqualTo(0.5);
        assertThat(Scales.anchor(AnchorMetric.NPS, 11)).isNull();
    }

    @Test
    void factorsEnterByCoverageAndRowsAreCompleteCases() {
        // 10 responses: a.x answered by all, a.y by 6, a.rare by 2; minCoverage 0.5 -> a.x and a.y enter,
        // the 6 responses that answered both are the rows
        List<DriverDesign.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Double> factors = i < 6 ? Map.of("a.x", i / 10.0, "a.y", (i % 3) / 3.0)
                    : i < 8 ? Map.of("a.x", i / 10.0, "a.rare", 0.5) : Map.of("a.x", i / 10.0);
            observations.add(new DriverDesign.Observation(i / 10.0, factors));
        }
        DriverDesign design = DriverDesign.of(observations, 0.5, 8);

        assertThat(design.factors()).containsExactly("a.x", "a.y");
        assertThat(design.n()).isEqualTo(6);
        assertThat(design.observations()).isEqualTo(10);
        assertThat(design.excluded()).singleElement().satisfies(excluded -> {
            assertThat(excluded.factor()).isEqualTo("a.rare");
            assertThat(excluded.answers()).isEqualTo(2);
            assertThat(excluded.reason()).isEqualTo("answered in 20% of the responses, less than 50%");
        });
        assertThat(DriverDesign.of(observations, 0.5, 1).excluded()).extracting(DriverDesign.Excluded::factor)
                .containsExactly("a.y", "a.rare");
    }

    @Test
    void aSmallModelIsFlaggedAndNoResponsesAreInsufficient() {
        List<DriverDesign.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            observations.add(new DriverDesign.Observation((i * 7 % 5) / 4.0, Map.of("a.x", (i % 4) / 3.0)));
        }
        LocalDate day = LocalDate.parse("2025-03-01");
        DriverReport small = DriverAnalysis.report("J_TEST", AnchorMetric.CSAT, day, day,
                DriverDesign.of(observations, 0.5, 8), 30);
        DriverReport none = DriverAnalysis.report("J_TEST", null, day, day, DriverDesign.of(List.of(), 0.5, 8), 30);

        assertThat(small.status()).isEqualTo(DriverReport.Status.LOW_SAMPLE);
        assertThat(small.lowSample()).isTrue();
        assertThat(small.n()).isEqualTo(8);
        assertThat(small.factors()).hasSize(1);
        assertThat(none.status()).isEqualTo(DriverReport.Status.INSUFFICIENT);
        assertThat(none.n()).isZero();
        assertThat(none.rSquared()).isNull();
    }
}
