package io.windbell.scoring.driver;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code GET /v1/journeys/{journeyCode}/drivers} answers: which touchpoint factors explain the anchor score of a
 * journey in a window. Numbers that do not exist (no model, a perfect fit's p-values) are {@code null}.
 */
@Schema(name = "DriverAnalysis")
public record DriverReport(@Schema(examples = "LOAN_APPLY") String journeyCode,
        @Schema(description = "first bank day") LocalDate from,
        @Schema(description = "last bank day (included)") LocalDate to,
        @Schema(description = "the anchor regressed (NPS, CSAT or CES); all scores on 0..1, 1 the best experience") String anchorMetric,
        @Schema(description = "OK; LOW_SAMPLE (a model on few observations); INSUFFICIENT (no model, see reason)") Status status,
        String reason, boolean lowSample,
        @Schema(description = "responses of the window in the caller's scope") int responses,
        @Schema(description = "complete observations the model was fitted on") int n, Double rSquared,
        Double adjustedRSquared, Double fStatistic,
        @Schema(description = "p-value of the F test that every slope is zero") Double fPValue, String method,
        List<Factor> factors, List<DriverDesign.Excluded> excludedFactors) {

    /** How far the numbers can be trusted. */
    public enum Status {
        OK, LOW_SAMPLE, INSUFFICIENT
    }

    /** How the numbers were computed, for the reader of the answer. */
    public static final String METHOD = "OLS of the anchor on the factors over complete cases (factors answered by at "
            + "least the configured share of responses); standardized coefficient = b sd(x) / sd(y); p-values from "
            + "the t distribution; importance = LMG (Shapley) share of R^2 (docs/adr/0017)";

    public DriverReport {
        factors = List.copyOf(factors);
        excludedFactors = List.copyOf(excludedFactors);
    }

    /** One factor's effect on the anchor. */
    @Schema(name = "DriverFactor")
    public record Factor(@Schema(examples = "loan.submit") String touchpointCode, Double coefficient,
            Double standardError, Double pValue, Double standardizedCoefficient, Double standardizedStandardError,
            @Schema(description = "share of R^2 (LMG); the factors' importances add up to rSquared") Double importance,
            @Schema(description = "importance / rSquared; adds up to 1") Double relativeImportance) {

        static Factor of(DriverModel.Effect effect) {
            return new Factor(effect.factor(), finite(effect.coefficient()), finite(effect.standardError()),
                    finite(effect.pValue()), finite(effect.standardizedCoefficient()),
                    finite(effect.standardizedStandardError()), finite(effect.importance()),
                    finite(effect.relativeImportance()));
        }
    }

    /** JSON has no NaN or infinity: a number that does not exist is {@code null}. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
