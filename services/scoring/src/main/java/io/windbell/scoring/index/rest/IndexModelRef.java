package io.windbell.scoring.index.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.scoring.index.IndexModel;

/** Which index model an answer was computed by; {@code builtIn} when no model is configured and the default applies. */
@Schema(name = "IndexModelRef")
public record IndexModelRef(@Schema(examples = "BANK_2025") String code,
        @Schema(description = "0 for the built-in default") int version, boolean builtIn,
        @Schema(description = "the north star of the pyramid", enumeration = {
                "NPS", "INDEX" }) String northStar,
        @Schema(description = "a component with fewer observations is dropped") int minimumSample){

    public static IndexModelRef of(IndexModel model, int minimumSample) {
        return new IndexModelRef(model.code(), model.version(), model.builtIn(), model.northStar().name(),
                minimumSample);
    }
}
