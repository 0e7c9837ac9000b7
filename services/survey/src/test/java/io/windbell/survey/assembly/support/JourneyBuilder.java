package io.windbell.survey.assembly.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.rule.SurveyRule;

/** Builds the journey context a survey is assembled for: a completed journey unless {@link #interrupted} is called. */
public final class JourneyBuilder {

    public static final String WEALTH = "WEALTH_PURCHASE";

    private final String definitionCode;
    private String phase;
    private final List<TouchpointVisit> visits = new ArrayList<>();
    private InterruptionReason reason;

    private JourneyBuilder(String definitionCode) {
        this.definitionCode = definitionCode;
    }

    public static JourneyBuilder journey(String definitionCode) {
        return new JourneyBuilder(definitionCode);
    }

    public static JourneyBuilder wealth() {
        return journey(WEALTH);
    }

    public JourneyBuilder phase(String phase) {
        this.phase = phase;
        return this;
    }

    public JourneyBuilder visit(VisitBuilder... visits) {
        for (VisitBuilder visit : visits) {
            this.visits.add(visit.build());
        }
        return this;
    }

    public JourneyBuilder interrupted(InterruptionReason reason) {
        this.reason = reason;
        return this;
    }

    public JourneyContext build() {
        List<String> channels = visits.stream().map(TouchpointVisit::channel).distinct().toList();
        boolean interrupted = reason != null;
        JourneySummary summary = new JourneySummary(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                definitionCode, 1, "C-1", LifecycleStage.UPGRADE, phase,
                interrupted ? JourneyStatus.INTERRUPTED : JourneyStatus.COMPLETED, visits.size(),
                VisitBuilder.T0.toInstant(), VisitBuilder.T0.plusHours(1).toInstant(), channels, visits);
        return new JourneyContext(
                interrupted ? SurveyRule.Trigger.JOURNEY_INTERRUPTED : SurveyRule.Trigger.JOURNEY_COMPLETED, summary,
                reason, interrupted && !visits.isEmpty() ? visits.getLast() : null, List.of());
    }
}
