package io.windbell.ingest.catalog;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a CX admin sends to create or change a touchpoint. */
public record TouchpointRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]*\\.[a-z0-9_.]+", message = "must look like journey.step, e.g. wealth.risk_assessment") @Size(max = 64) String code,
        @NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 120) String nameZh, @NotBlank String journey,
        @Min(1) int stepOrder, @Size(max = 32) String phase, boolean keyNode, @NotEmpty List<@NotBlank String> channels,
        @Size(max = 500) String description, Boolean active) {
}
