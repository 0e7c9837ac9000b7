package io.windbell.survey.trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.decision.DecisionLog;
import io.windbell.survey.invitation.InvitationCause;
import io.windbell.survey.invitation.InvitationCreation;
import io.windbell.survey.invitation.InvitationLifecycle;
import io.windbell.survey.invitation.InvitationRepository;
import io.windbell.survey.norms.NormsCache;
import io.windbell.survey.rule.SurveyRule;

/**
 * Turns journey events into survey decisions, on the caller's transaction: a completed or interrupted journey may
 * trigger a rule and, if sampled, goes to {@link InvitationCreation}; a journey that moves on ends the invitations that
 * asked to expire with it. Every trigger leaves a {@link Decision}.
 */
@ApplicationScoped
public class JourneyTriggerService {

    /** The inbox name of the journey-event consumer. */
    public static final String CONSUMER = "survey-journey-events";

    private final SurveyCatalog catalog;
    private final InvitationRepository invitations;
    private final InvitationLifecycle lifecycle;
    private final InvitationCreation creation;
    private final NormsCache norms;
    private final DecisionLog decisions;

    public JourneyTriggerService(SurveyCatalog catalog, InvitationRepository invitations, InvitationLifecycle lifecycle,
            InvitationCreation creation, NormsCache norms, DecisionLog decisions) {
        this.catalog = catalog;
        this.invitations = invitations;
        this.lifecycle = lifecycle;
        this.creation = creation;
        this.norms = norms;
        this.decisions = decisions;
    }

    /**
     * Applies the journey events of a batch that the kit claimed in the inbox by their CloudEvents id (events processed
     * before never get here), on the batch's transaction; records and returns the decisions taken.
     */
    public List<Decision> apply(Connection connection, List<Envelope<EventPayload>> fresh, Instant now)
            throws SQLException {
        // every customer of the batch locked up front, in one order, so two consumers never wait on each other
        invitations.lockCustomers(connection, fresh.stream().map(event -> event.payload().partitionKey()).toList());
        List<Decision> taken = new ArrayList<>();
        for (Envelope<EventPayload> event : fresh) {
            switch (event.payload()) {
            case JourneyCompleted completed -> {
                norms.record(connection, completed.journey());
                endSuperseded(connection, completed.journey(), now);
                taken.add(decide(connection, new JourneyContext(SurveyRule.Trigger.JOURNEY_COMPLETED,
                        completed.journey(), null, null, List.of()), event.id(), event.traceparent(), now));
            }
            case JourneyInterrupted interrupted -> {
                norms.record(connection, interrupted.journey());
                taken.add(decide(connection,
                        new JourneyContext(SurveyRule.Trigger.JOURNEY_INTERRUPTED, interrupted.journey(),
                                interrupted.reason(), interrupted.lastTouchpoint(), interrupted.errorCodes()),
                        event.id(), event.traceparent(), now));
            }
            case JourneyProgressed progressed -> endSuperseded(connection, progressed.journey(), now);
            case JourneyResumed resumed -> endSuperseded(connection, resumed.journey(), now);
            default -> {
                // journey.started: nothing to ask yet
            }
            }
        }
        decisions.record(connection, taken);
        return taken;
    }

    /**
     * Decides about one completed or interrupted journey: the matching rule, its sample, then the invitation. The
     * decision is returned, not recorded.
     *
     * @param eventId
     *            the CloudEvents id of the journey event
     * @param traceparent
     *            the journey event's trace context, carried on to {@code survey.invited}; may be {@code null}
     */
    public Decision decide(Connection connection, JourneyContext context, UUID eventId, String traceparent, Instant now)
            throws SQLException {
        JourneySummary journey = context.journey();
        Optional<SurveyRule> match = RuleMatcher.match(catalog.rules(), context);
        if (match.isEmpty()) {
            return new Decision(journey.customerId(), journey.journeyInstanceId(), eventId,
                    InvitationCause.Journey.triggerType(context), now, Decision.Outcome.NO_RULE, null, null,
                    "no active rule for " + journey.definitionCode() + " " + context.trigger());
        }
        InvitationCause.Journey cause = new InvitationCause.Journey(context, match.get());
        SurveyRule rule = match.get();
        if (!Sampling.sampled(rule.samplingRate(), journey.customerId(), journey.journeyInstanceId(), rule.code())) {
            return cause.decision(eventId, now, Decision.Outcome.NOT_SAMPLED, null,
                    "sampling rate " + rule.samplingRate());
        }
        return creation.create(connection, cause, eventId, traceparent, now);
    }

    private void endSuperseded(Connection connection, JourneySummary journey, Instant now) throws SQLException {
        lifecycle.close(connection,
                invitations.supersededByJourney(connection, journey.journeyInstanceId(), journey.revision()), now,
                "JOURNEY_MOVED_ON");
    }
}
