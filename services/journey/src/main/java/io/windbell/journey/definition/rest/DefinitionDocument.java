package io.windbell.journey.definition.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.windbell.config.VersionedStore.Stored;
import io.windbell.contracts.Identifiers;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.platform.json.IsoDuration;

/**
 * A journey definition version as the API reads and writes it. Durations are ISO-8601 strings ({@code "PT30M"}). The
 * read-only fields may be sent back unchanged (GET, edit, PUT) and are ignored: the server assigns them.
 */
@Schema(name = "JourneyDefinition")
public record DefinitionDocument(
        @Schema(examples = "WEALTH_PURCHASE", pattern = Identifiers.JOURNEY_CODE_REGEX) String code,
        @Schema(readOnly = true, description = "assigned by the server: 1, then +1 for every change") Integer version,
        @Schema(readOnly = true, description = "whether new journeys start on this version") Boolean active,
        @Schema(examples = "Wealth product purchase") String name, @Schema(examples = "理财购买") String nameZh,
        LifecycleStage stage, List<Step> steps,
        @Schema(description = "touchpoints that open a journey") List<String> startTouchpoints,
        @Schema(description = "touchpoints whose SUCCESS completes the journey") List<String> completionTouchpoints,
        @JsonSerialize(using = IsoDuration.class) @Schema(implementation = String.class, examples = "P30D", description = "an open journey is closed this long after it started") Duration maxDuration,
        @JsonSerialize(using = IsoDuration.class) @Schema(implementation = String.class, examples = "P1D", description = "how long a journey may continue after a failure or abandonment before it counts as interrupted") Duration channelSwitchGrace,
        @Schema(description = "channels where a contact about the journey counts as a continuation", examples = "[\"CALL_CENTER\", \"BRANCH\", \"RM_VISIT\"]") List<String> assistedChannels,
        @Schema(readOnly = true) Instant createdAt, @Schema(readOnly = true) String createdBy) {

    /** One step of the journey. */
    @Schema(name = "JourneyStep")
    public record Step(@Schema(description = "1-based position, in list order", examples = "3") Integer order,
            @Schema(examples = "WEALTH_RISK_ASSESSMENT") String code,
            @Schema(examples = "Risk tolerance assessment") String name,
            @Schema(examples = "BEFORE_INVESTING") String phase,
            @Schema(examples = "[\"wealth.risk_assessment\"]") List<String> touchpoints, Boolean keyNode,
            @JsonSerialize(using = IsoDuration.class) @Schema(implementation = String.class, examples = "PT2H", description = "key nodes only: how long the journey may rest after this step before it stalls") Duration inactivityTimeout) {
    }

    static DefinitionDocument of(Stored<JourneyDefinition> stored) {
        JourneyDefinition d = stored.value();
        List<Step> steps = d.steps().stream().map(s -> new Step(s.order(), s.code(), s.name(), s.phase(),
                s.touchpoints(), s.keyNode(), s.inactivityTimeout())).toList();
        return new DefinitionDocument(d.code(), d.version(), stored.active(), d.name(), d.nameZh(), d.stage(), steps,
                sorted(d.startTouchpoints()), sorted(d.completionTouchpoints()), d.maxDuration(),
                d.channelSwitchGrace(), sorted(d.assistedChannels()), stored.createdAt(), stored.createdBy());
    }

    /**
     * The candidate definition this document describes, for the validator: absent lists become empty and absent entries
     * blank, so that every problem is reported as a violation of its field rather than a parse error.
     */
    JourneyDefinition toDefinition(String code) {
        List<JourneyDefinition.Step> candidateSteps = new ArrayList<>();
        if (steps != null) {
            for (Step s : steps) {
                candidateSteps.add(s == null ? new JourneyDefinition.Step(0, null, null, null, List.of(), false, null)
                        : new JourneyDefinition.Step(s.order() == null ? 0 : s.order(), s.code(), s.name(), s.phase(),
                                blankForNull(s.touchpoints()), Boolean.TRUE.equals(s.keyNode()),
                                s.inactivityTimeout()));
            }
        }
        return new JourneyDefinition(code, 0, name, nameZh, stage, candidateSteps, set(startTouchpoints),
                set(completionTouchpoints), maxDuration, channelSwitchGrace, set(assistedChannels));
    }

    private static List<String> blankForNull(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(v -> v == null ? "" : v).toList();
    }

    private static Set<String> set(List<String> values) {
        return new LinkedHashSet<>(blankForNull(values));
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }
}
