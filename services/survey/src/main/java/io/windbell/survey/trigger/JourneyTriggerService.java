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
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.messaging.consumer.Delivery;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.AssemblyResult;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.assembly.SurveyAssembler;
import io.windbell.survey.budget.ContactBudget;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.decision.DecisionLog;
import io.windbell.survey.invitation.DeliveryPlanner;
import io.windbell.survey.invitation.InvitationLifecycle;
import io.windbell.survey.invitation.InvitationRepository;
import io.windbell.survey.invitation.NewInvitation;
import io.windbell.survey.messaging.Envelope;
import io.windbell.survey.norms.NormsCache;
import io.windbell.survey.preference.ContactPreference;
import io.windbell.survey.preference.PreferenceRepository;
import io.windbell.survey.recovery.RecoveryRepository;
import io.windbell.survey.rule.SurveyRule;

/**
 * Turns journey events into survey decisions, on the consumer's transaction: a completed or interrupted journey may
 * trigger a rule, and passes through sampling, the contact budget and assembly before an invitation is scheduled; a
 * journey that moves on ends the invitations that asked to expire with it. Every trigger leaves a {@link Decision}.
 */
@ApplicationScoped
public class JourneyTriggerService {

    /** The inbox name of the journey-event consumer. */
    public static final String CONSUMER = "survey-journey-events";

    private final SurveyCatalog catalog;
    private final InvitationRepository invitations;
    private final InvitationLifecycle lifecycle;
    private final RecoveryRepository recoveries;
    private final PreferenceRepository preferences;
    private final NormsCache norms;
    private final DecisionLog decisions;
    private final DeliveryPlanner planner;
    private final ContactBudget budget;
    private final SurveyAssembler assembler = new SurveyAssembler();

    public JourneyTriggerService(SurveyCatalog catalog, InvitationRepository invitations, InvitationLifecycle lifecycle,
            RecoveryRepository recoveries, PreferenceRepository preferences, NormsCache norms, DecisionLog decisions,
            DeliveryPlanner planner, SurveyConfig config) {
        this.catalog = catalog;
        this.invitations = invitations;
        this.lifecycle = lifecycle;
        this.recoveries = recoveries;
        this.preferences = preferences;
        this.norms = norms;
        this.decisions = decisions;
        this.planner = planner;
        this.budget = new ContactBudget(
                config.budget().caps().stream().map(cap -> new ContactBudget.Cap(cap.window(), cap.max())).toList(),
                config.budget().journeyCooldown());
    }

    /** Applies a polled batch; returns the decisions taken (duplicates of processed events are skipped). */
    public List<Decision> apply(Connection connection, List<Delivery<EventPayload>> batch, Instant now)
            throws SQLException {
        List<Delivery<EventPayload>> fresh = Envelope.claim(connection, CONSUMER, batch);
        // every customer of the batch locked up front, in one order, so two consumers never wait on each other
        invitations.lockCustomers(connection, fresh.stream().map(delivery -> delivery.value().partitionKey()).toList());
        List<Decision> taken = new ArrayList<>();
        for (Delivery<EventPayload> delivery : fresh) {
            UUID eventId = Envelope.eventId(delivery);
            String traceparent = Envelope.traceparent(delivery);
            switch (delivery.value()) {
            case JourneyCompleted completed -> {
                norms.record(connection, completed.journey());
                endSuperseded(connection, completed.journey(), now);
                taken.add(decide(connection, new JourneyContext(SurveyRule.Trigger.JOURNEY_COMPLETED,
                        completed.journey(), null, null, List.of()), eventId, traceparent, now));
            }
            case JourneyInterrupted interrupted -> {
                norms.record(connection, interrupted.journey());
                taken.add(decide(connection,
                        new JourneyContext(SurveyRule.Trigger.JOURNEY_INTERRUPTED, interrupted.journey(),
                                interrupted.reason(), interrupted.lastTouchpoint(), interrupted.errorCodes()),
                        eventId, traceparent, now));
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
     * Decides about one completed or interrupted journey and schedules the invitation if it passes. Takes the
     * customer's budget lock itself (re-entrant within the transaction).
     */
    public Decision decide(Connection connection, JourneyContext context, UUID eventId, String traceparent, Instant now)
            throws SQLException {
        JourneySummary journey = context.journey();
        String customerId = journey.customerId();
        String type = context.trigger() == SurveyRule.Trigger.JOURNEY_COMPLETED ? JourneyCompleted.TYPE
                : JourneyInterrupted.TYPE;
        Optional<SurveyRule> match = RuleMatcher.match(catalog.rules(), context);
        if (match.isEmpty()) {
            return new Decision(customerId, journey.journeyInstanceId(), eventId, type, now, Decision.Outcome.NO_RULE,
                    null, null, "no active rule for " + journey.definitionCode() + " " + context.trigger());
        }
        SurveyRule rule = match.get();
        if (!Sampling.sampled(rule.samplingRate(), customerId, journey.journeyInstanceId(), rule.code())) {
            return decision(context, eventId, type, now, Decision.Outcome.NOT_SAMPLED, rule, null,
                    "sampling rate " + rule.samplingRate());
        }
        invitations.lockCustomer(connection, customerId);
        Optional<ContactPreference> preference = preferences.find(connection, customerId);
        ContactBudget.Customer customer = new ContactBudget.Customer(
                preference.map(ContactPreference::doNotSurvey).orElse(false),
                recoveries.openCount(connection, customerId),
                invitations.history(connection, customerId, now.minus(budget.lookBack())));
        Optional<ContactBudget.Refusal> refusal = budget.check(now, journey.definitionCode(), customer);
        if (refusal.isPresent()) {
            return decision(context, eventId, type, now, Decision.Outcome.valueOf(refusal.get().code().name()), rule,
                    null, refusal.get().detail());
        }
        AssembledSurvey survey;
        switch (assembler.assemble(rule, context, catalog.questions(), norms.current(), catalog.names())) {
        case AssemblyResult.Assembled assembled -> survey = assembled.survey();
        case AssemblyResult.NotAssembled not -> {
            return decision(context, eventId, type, now, Decision.Outcome.NOT_ASSEMBLED, rule, null, not.reason());
        }
        }
        Optional<DeliveryPlanner.Plan> plan = planner.plan(now, rule.delay(), rule.expiry(), rule.channel(),
                preference);
        if (plan.isEmpty()) {
            return decision(context, eventId, type, now, Decision.Outcome.EXPIRED_BEFORE_SEND, rule, null,
                    "expires at " + rule.expiry().at() + ", before it could be delivered");
        }
        UUID invitationId = UUID.randomUUID();
        invitations.insert(connection,
                new NewInvitation(invitationId, customerId, journey, rule.code(), rule.version(), survey,
                        plan.get().channel(), plan.get().locale(), true, rule.expiry().onJourneyProgress(),
                        rule.expiry().onRecovery(), null, eventId, traceparent, now, plan.get().sendAt(),
                        plan.get().expiresAt(), attribution(journey)));
        return decision(context, eventId, type, now, Decision.Outcome.INVITED, rule, invitationId,
                "delivery at " + plan.get().sendAt() + " by " + plan.get().channel());
    }

    private void endSuperseded(Connection connection, JourneySummary journey, Instant now) throws SQLException {
        lifecycle.close(connection,
                invitations.supersededByJourney(connection, journey.journeyInstanceId(), journey.revision()), now,
                "JOURNEY_MOVED_ON");
    }

    /** The latest branch, employee and product of the journey: where a score will be attributed. */
    static NewInvitation.Attribution attribution(JourneySummary journey) {
        String branch = null;
        String employee = null;
        String product = null;
        for (TouchpointVisit visit : journey.touchpoints()) {
            branch = visit.branchId() != null ? visit.branchId() : branch;
            employee = visit.employeeId() != null ? visit.employeeId() : employee;
            product = visit.productId() != null ? visit.productId() : product;
        }
        return new NewInvitation.Attribution(branch, employee, product);
    }

    private static Decision decision(JourneyContext context, UUID eventId, String type, Instant now,
            Decision.Outcome outcome, SurveyRule rule, UUID invitationId, String detail) {
        return new Decision(context.journey().customerId(), context.journey().journeyInstanceId(), eventId, type, now,
                outcome, rule.code(), invitationId, detail);
    }
}
