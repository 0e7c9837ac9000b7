package io.windbell.scoring.index.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.scoring.index.ExperienceIndex;
import io.windbell.scoring.index.ExperienceIndexService;
import io.windbell.scoring.stats.Estimate;

/** The experience index of one subject and period, with every component that went into it or was dropped. */
@Schema(name = "ExperienceIndex")
public record ExperienceIndexDocument(@Schema(enumeration = {
        "BANK", "JOURNEY", "TOUCHPOINT" }) String level,
        @Schema(description = "the journey or touchpoint; absent for the bank") String code,
        @Schema(description = "first day (the bank's), included") LocalDate from,
        @Schema(description = "last day (the bank's), included") LocalDate to,
        @Schema(description = "0..100; absent when no component has the minimum sample") Double value,
        @Schema(description = "half the 95% interval of the value") Double marginOfError95,
        @Schema(description = "the largest sample of a used component") long n,
        @Schema(description = "0..1: the weight of the used components over the weight of the applicable ones") double coverage,
        IndexModelRef model, List<Part> components){

    /** One component of the index. */
    @Schema(name = "ExperienceIndexComponent")
    public record Part(@Schema(enumeration = {
            "NPS", "CSAT", "CES", "SUCCESS_RATE", "ABANDONMENT_RATE", "COMPLETION_RATE",
            "INTERRUPTION_RATE" }) String component,
            @Schema(description = "in the metric's unit: NPS -100..100, CSAT top-2-box share and rates 0..1, CES mean 1..7") Double raw,
            @Schema(description = "on 0..100, higher is better") Double normalised,
            @Schema(description = "the model's weight") double weight,
            @Schema(description = "its share of the value after renormalising over the used components") double effectiveWeight,
            long n, @Schema(description = "measured on fewer than the minimum sample: dropped") boolean lowSample,
            @Schema(description = "whether it is part of the value") boolean used){
    }

    static ExperienceIndexDocument of(ExperienceIndexService.Answer answer) {
        ExperienceIndex.Result result = answer.result();
        Estimate value = result.value();
        List<Part> parts = result.parts().stream().map(p -> new Part(p.component().name(), finite(p.raw().value()),
                finite(p.normalised().value()), p.weight(), p.effectiveWeight(), p.raw().n(), p.lowSample(), p.used()))
                .toList();
        return new ExperienceIndexDocument(answer.level().name(), answer.code(), answer.from(), answer.to(),
                finite(value.value()), finite(value.marginOfError95()), value.n(), result.coverage(),
                IndexModelRef.of(answer.model(), answer.minimumSample()), parts);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
