package io.windbell.ingest.catalog;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.windbell.contracts.Identifiers;

/** What a CX admin sends to create or change a touchpoint. */
public record TouchpointRequest(
        @NotBlank @Pattern(regexp = Identifiers.TOUCHPOINT_CODE_REGEX, message = "must look like journey.step, e.g. wealth.risk_assessment") @Size(max = Identifiers.TOUCHPOINT_CODE_MAX) String code,
        @NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 120) String nameZh, @NotBlank String journey,
        @Min(1) int stepOrder,
        @Pattern(regexp = Identifiers.PHASE_CODE_REGEX, message = "must be a phase code, e.g. BEFORE_INVESTING") @Size(max = Identifiers.PHASE_CODE_MAX) String phase,
        boolean keyNode, @NotEmpty List<@NotBlank String> channels, @Size(max = 500) String description,
        Boolean active) {
}
