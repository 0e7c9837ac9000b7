package io.windbell.survey.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;

/** Builds journey events as the journey service emits them, one visit at a time. */
public final class JourneyEvents {

    private final UUID journeyId = UUID.randomUUID();
    private final String customerId;
    private final String definitionCode;
    private final List<TouchpointVisit> visits = new ArrayList<>();
    private String phase;
    private long revision;
    private Instant clock = Instant.parse("2026-11-20T02:00:00Z");

    private JourneyEvents(String customerId, String definitionCode) {
        this.customerId = customerId;
        this.definitionCode = definitionCode;
    }

    public static JourneyEvents journey(String customerId, String definitionCode) {
        return new JourneyEvents(customerId, definitionCode);
    }

    public JourneyEvents phase(String phase) {
        this.phase = phase;
        return this;
    }

    /** A successful visit of one minute in the mobile app. */
    public JourneyEvents visit(String touchpoint) {
        return visit(touchpoint, "MOBILE_APP", Outcome.SUCCESS, null, false);
    }

    public JourneyEvents visit(String touchpoint, String channel, Outcome outcome, String errorCode, boolean keyNode) {
        return visit(new TouchpointVisit(touchpoint, channel, outcome, next(), 60_000L, errorCode, null, null,
                "WM-2024-001", keyNode));
    }

    /** A visit at a branch counter, served by an employee. */
    public JourneyEvents branchVisit(String touchpoint, String branchId, String employeeId) {
        return visit(new TouchpointVisit(touchpoint, "BRANCH", Outcome.SUCCESS, next(), 300_000L, null, branchId,
                employeeId, "WM-2024-001", false));
    }

    public JourneyEvents visit(TouchpointVisit visit) {
        visits.add(visit);
        revision++;
        return this;
    }

    public UUID id() {
        return journeyId;
    }

    public JourneySummary summary(JourneyStatus status) {
        LinkedHashSet<String> channels = new LinkedHashSet<>();
        visits.forEach(v -> channels.add(v.channel()));
        Instant started = visits.isEmpty() ? clock : visits.getFirst().occurredAt().toInstant();
        return new JourneySummary(journeyId, definitionCode, 1, customerId, LifecycleStage.UPGRADE, phase, status,
                revision, started, clock, List.copyOf(channels), List.copyOf(visits));
    }

    public JourneyCompleted completed() {
        revision++;
        JourneySummary summary = summary(JourneyStatus.COMPLETED);
        return new JourneyCompleted(summary, clock, 600_000L, 0);
    }

    public JourneyInterrupted interrupted(InterruptionReason reason) {
        revision++;
        JourneySummary summary = summary(JourneyStatus.INTERRUPTED);
        List<String> errors = visits.stream().map(TouchpointVisit::errorCode).filter(e -> e != null).distinct()
                .toList();
        return new JourneyInterrupted(summary, reason, visits.getLast(), errors, clock);
    }

    public JourneyProgressed progressed() {
        revision++;
        JourneySummary summary = summary(JourneyStatus.IN_PROGRESS);
        return new JourneyProgressed(summary, JourneyProgressed.Kind.KEY_NODE_REACHED, null, visits.getLast().code(),
                clock);
    }

    private OffsetDateTime next() {
        clock = clock.plusSeconds(120);
        return clock.atOffset(ZoneOffset.ofHours(8));
    }
}
