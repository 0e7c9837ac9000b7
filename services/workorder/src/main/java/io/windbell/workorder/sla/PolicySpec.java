package io.windbell.workorder.sla;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One SLA policy as text, as the API and the {@code sla_policy_set.spec} column hold it; {@link SlaPolicyRules} turns
 * it into an {@link SlaPolicy} with one violation per bad field.
 */
@Schema(name = "SlaPolicy")
public record PolicySpec(@Schema(examples = "RECOVERY-HIGH", pattern = SlaPolicyRules.CODE_REGEX) String code,
        @Schema(examples = "RECOVERY", description = "RECOVERY, CALLBACK, SPECIAL_TASK or * (any)") String type,
        @Schema(examples = "HIGH", description = "LOW, MEDIUM, HIGH, CRITICAL or * (any, also none)") String severity,
        @Schema(examples = "*", description = "a customer tier, or * (any, also none)") String tier,
        @Schema(examples = "PT2H", description = "first-response target, ISO-8601, in business time") String firstResponse,
        @Schema(examples = "PT16H", description = "resolution target, ISO-8601, in business time") String resolution,
        @Schema(examples = "0.8", description = "share of a target after which the assignee is warned, (0, 1)") Double warningShare,
        @Schema(examples = "PT4H", description = "business time after a breach (level 1, branch manager) until level 2 (regional manager)") String escalateAfter) {
}
