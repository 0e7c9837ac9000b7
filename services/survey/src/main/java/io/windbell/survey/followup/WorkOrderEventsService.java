package io.windbell.survey.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.messaging.consumer.Delivery;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.AssemblyResult;
import io.windbell.survey.assembly.SurveyAssembler;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.decision.DecisionLog;
import io.windbell.survey.invitation.DeliveryPlanner;
import io.windbell.survey.invitation.InvitationLifecycle;
import io.windbell.survey.invitation.InvitationRepository;
import io.windbell.survey.invitation.NewInvitation;
import io.windbell.survey.messaging.Envelope;
import io.windbell.survey.preference.ContactPreference;
import io.windbell.survey.preference.PreferenceRepository;
import io.windbell.survey.recovery.RecoveryRepository;
import io.windbell.survey.rule.SurveyRule;

/**
 * Follows recovery work orders: while one is open the customer is not surveyed; opening or resolving one ends the
 * invitations that asked to expire on recovery; a resolution that requests it sends the one-question follow-up, which
 * bypasses the caps (it measures the recovery) but never the customer's consent or quiet hours.
 */
@ApplicationScoped
public class WorkOrderEventsService {

    /** The inbox name of the work-order consumer. */
    public static final String CONSUMER = "survey-workorder-events";
    /** The survey code of every recovery follow-up. */
    public static final String FOLLOW_UP_SURVEY = "RECOVERY_FOLLOW_UP";

    private final RecoveryRepository recoveries;
    private final InvitationRepository invitations;
    private final InvitationLifecycle lifecycle;
    private final PreferenceRepository preferences;
    private final SurveyCatalog catalog;
    private final DeliveryPlanner planner;
    private final DecisionLog decisions;
    private final SurveyConfig.FollowUp config;
    private final SurveyAssembler assembler = new SurveyAssembler();

    public WorkOrderEventsService(RecoveryRepository recoveries, InvitationRepository invitations,
            InvitationLifecycle lifecycle, PreferenceRepository preferences, SurveyCatalog catalog,
            DeliveryPlanner planner, DecisionLog decisions, SurveyConfig config) {
        this.recoveries = recoveries;
        this.invitations = invitations;
        this.lifecycle = lifecycle;
        this.preferences = preferences;
        this.catalog = catalog;
        this.planner = planner;
        this.decisions = decisions;
        this.config = config.followUp();
    }

    /** Applies a polled batch; returns the follow-up decisions taken. */
    public List<Decision> apply(Connection connection, List<Delivery<EventPayload>> batch, Instant now)
            throws SQLException {
        List<Delivery<EventPayload>> fresh = Envelope.claim(connection, CONSUMER, batch);
        invitations.lockCustomers(connection, fresh.stream().map(delivery -> summary(delivery.value()).customerId())
                .filter(Objects::nonNull).toList());
        List<Decision> taken = new ArrayList<>();
        for (Delivery<EventPayload> delivery : fresh) {
            WorkOrderSummary order = summary(delivery.value());
            if (order.customerId() == null) {
                continue; // an internal work order: nobody to survey or to spare
            }
            boolean newest = recoveries.track(connection, order, RecoveryRepository.open(order.status()), now);
            if (!newest) {
                continue; // a stale or replayed revision
            }
            // assigned, escalated, reopened and closed only change whether the order is open (tracked above)
            if (delivery.value() instanceof WorkOrderCreated) {
                endOnRecovery(connection, order, now, "RECOVERY_STARTED");
            } else if (delivery.value() instanceof WorkOrderResolved resolved) {
                endOnRecovery(connection, order, now, "RECOVERED");
                if (resolved.followUpRequested()
                        && resolved.outcome() != WorkOrderResolved.RecoveryOutcome.CUSTOMER_UNREACHABLE) {
                    taken.add(followUp(connection, resolved, Envelope.eventId(delivery), Envelope.traceparent(delivery),
                            now));
                }
            }
        }
        decisions.record(connection, taken);
        return taken;
    }

    /** Schedules the one-question follow-up after a resolved work order, once per work order. */
    public Decision followUp(Connection connection, WorkOrderResolved resolved, UUID eventId, String traceparent,
            Instant now) throws SQLException {
        WorkOrderSummary order = resolved.workOrder();
        String customerId = order.customerId();
        invitations.lockCustomer(connection, customerId);
        if (invitations.followUpExists(connection, order.workOrderId())) {
            return decision(order, eventId, now, Decision.Outcome.FOLLOW_UP_EXISTS, null,
                    "work order " + order.workOrderId());
        }
        Optional<ContactPreference> preference = preferences.find(connection, customerId);
        if (preference.map(ContactPreference::doNotSurvey).orElse(false)) {
            return decision(order, eventId, now, Decision.Outcome.DO_NOT_SURVEY, null,
                    "the customer opted out of surveys");
        }
        Optional<RecoveryRepository.Origin> origin = recoveries.origin(connection, order.sourceResponseId());
        AnchorMetric metric = origin.map(RecoveryRepository.Origin::anchorMetric).orElse(AnchorMetric.NPS);
        AssembledSurvey survey;
        switch (assembler.followUp(FOLLOW_UP_SURVEY, metric, catalog.questions(), catalog.names(),
                origin.map(RecoveryRepository.Origin::definitionCode).orElse(null))) {
        case AssemblyResult.Assembled assembled -> survey = assembled.survey();
        case AssemblyResult.NotAssembled not -> {
            return decision(order, eventId, now, Decision.Outcome.NOT_ASSEMBLED, null, not.reason());
        }
        }
        Optional<DeliveryPlanner.Plan> plan = planner.plan(now, config.delay(),
                new SurveyRule.Expiry(config.expiry(), null, false, false), null, preference);
        if (plan.isEmpty()) {
            return decision(order, eventId, now, Decision.Outcome.EXPIRED_BEFORE_SEND, null, "follow-up expiry");
        }
        UUID invitationId = UUID.randomUUID();
        invitations.insert(connection,
                new NewInvitation(invitationId, customerId, null, null, null, survey, plan.get().channel(),
                        plan.get().locale(), false, false, false, order.workOrderId(), eventId, traceparent, now,
                        plan.get().sendAt(), plan.get().expiresAt(),
                        new NewInvitation.Attribution(order.branchId(), order.assigneeEmployeeId(), null)));
        return decision(order, eventId, now, Decision.Outcome.INVITED, invitationId,
                "follow-up of work order " + order.workOrderId() + " at " + plan.get().sendAt());
    }

    private void endOnRecovery(Connection connection, WorkOrderSummary order, Instant now, String reason)
            throws SQLException {
        lifecycle.close(connection, invitations.supersededByRecovery(connection, order.customerId()), now, reason);
    }

    private static Decision decision(WorkOrderSummary order, UUID eventId, Instant now, Decision.Outcome outcome,
            UUID invitationId, String detail) {
        return new Decision(order.customerId(), order.journeyInstanceId(), eventId, WorkOrderResolved.TYPE, now,
                outcome, null, invitationId, detail);
    }

    static WorkOrderSummary summary(EventPayload payload) {
        return switch (payload) {
        case WorkOrderCreated e -> e.workOrder();
        case WorkOrderAssigned e -> e.workOrder();
        case WorkOrderEscalated e -> e.workOrder();
        case WorkOrderResolved e -> e.workOrder();
        case WorkOrderClosed e -> e.workOrder();
        case WorkOrderReopened e -> e.workOrder();
        default -> throw new IllegalArgumentException("not a work-order event: " + payload);
        };
    }
}
