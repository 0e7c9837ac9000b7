package io.windbell.scoring.pyramid.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.scoring.index.rest.IndexModelRef;
import io.windbell.scoring.pyramid.Pyramid;
import io.windbell.scoring.pyramid.PyramidService;

/** The metric pyramid of a period against the one before. */
@Schema(name = "Pyramid")
public record PyramidDocument(@Schema(enumeration = {
        "WEEK", "MONTH" }) String period, @Schema(description = "first day of the period (the bank's)") LocalDate from,
        @Schema(description = "last day, included") LocalDate to,
        @Schema(description = "first day of the previous period") LocalDate previousFrom,
        @Schema(description = "last day of the previous period") LocalDate previousTo,
        @Schema(description = "the significance level of the trend tests") double alpha,
        @Schema(description = "the model that picked the north star") IndexModelRef model,
        @Schema(description = "the bank's node; its children are the journeys, theirs the touchpoint factors (metric "
                + "FACTOR_SCORE, 0..100). contribution = (n / n of the siblings) x (value - parent's value), in the "
                + "parent's unit; the children's contributions add up to their sample-weighted mean minus the parent") Pyramid.Node northStar){

    static PyramidDocument of(PyramidService.Answer answer) {
        return new PyramidDocument(answer.period().kind().name(), answer.period().from(), answer.period().to(),
                answer.previousPeriod().from(), answer.previousPeriod().to(), answer.alpha(),
                IndexModelRef.of(answer.model(), answer.minimumSample()), answer.northStar());
    }
}
