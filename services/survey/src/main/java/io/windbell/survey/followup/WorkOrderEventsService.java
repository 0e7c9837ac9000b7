package io.windbell.survey.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderSlaWarning;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.decision.DecisionLog;
import io.windbell.survey.invitation.InvitationCause;
import io.windbell.survey.invitation.InvitationCreation;
import io.windbell.survey.invitation.InvitationLifecycle;
import io.windbell.survey.invitation.InvitationRepository;
import io.windbell.survey.recovery.RecoveryRepository;

/**
 * Follows recovery work orders: while one is open the customer is not surveyed; opening or resolving one ends the
 * invitations that asked to expire on recovery; a resolution that requests it sends the one-question follow-up through
 * {@link InvitationCreation}.
 */
@ApplicationScoped
public class WorkOrderEventsService {

    /** The inbox name of the work-order consumer. */
    public static final String CONSUMER = "survey-workorder-events";

    private final RecoveryRepository recoveries;
    private final InvitationRepository invitations;
    private final InvitationLifecycle lifecycle;
    private final InvitationCreation creation;
    private final DecisionLog decisions;
    private final SurveyConfig.FollowUp config;

    public WorkOrderEventsService(RecoveryRepository recoveries, InvitationRepository invitations,
            InvitationLifecycle lifecycle, InvitationCreation creation, DecisionLog decisions, SurveyConfig config) {
        this.recoveries = recoveries;
        this.invitations = invitations;
        this.lifecycle = lifecycle;
        this.creation = creation;
        this.decisions = decisions;
        this.config = config.followUp();
    }

    /**
     * Applies the work-order events of a batch that the kit claimed in the inbox by their CloudEvents id (events
     * processed before never get here), on the batch's transaction; records and returns the follow-up decisions taken.
     */
    public List<Decision> apply(Connection connection, List<Envelope<EventPayload>> fresh, Instant now)
            throws SQLException {
        invitations.lockCustomers(connection,
                fresh.stream().map(event -> summary(event.payload()).customerId()).filter(Objects::nonNull).toList());
        List<Decision> taken = new ArrayList<>();
        for (Envelope<EventPayload> event : fresh) {
            WorkOrderSummary order = summary(event.payload());
            if (order.customerId() == null) {
                continue; // an internal work order: nobody to survey or to spare
            }
            boolean newest = recoveries.track(connection, order, RecoveryRepository.open(order.status()), now);
            if (!newest) {
                continue; // a stale or replayed revision
            }
            // assigned, escalated, reopened and closed only change whether the order is open (tracked above)
            if (event.payload() instanceof WorkOrderCreated) {
                endOnRecovery(connection, order, now, "RECOVERY_STARTED");
            } else if (event.payload() instanceof WorkOrderResolved resolved) {
                endOnRecovery(connection, order, now, "RECOVERED");
                if (resolved.followUpRequested()
                        && resolved.outcome() != WorkOrderResolved.RecoveryOutcome.CUSTOMER_UNREACHABLE) {
                    taken.add(creation.create(connection,
                            new InvitationCause.RecoveryFollowUp(order, config.delay(), config.expiry()), event.id(),
                            event.traceparent(), now));
                }
            }
        }
        decisions.record(connection, taken);
        return taken;
    }

    private void endOnRecovery(Connection connection, WorkOrderSummary order, Instant now, String reason)
            throws SQLException {
        lifecycle.close(connection, invitations.supersededByRecovery(connection, order.customerId()), now, reason);
    }

    static WorkOrderSummary summary(EventPayload payload) {
        return switch (payload) {
        case WorkOrderCreated e -> e.workOrder();
        case WorkOrderAssigned e -> e.workOrder();
        case WorkOrderEscalated e -> e.workOrder();
        case WorkOrderResolved e -> e.workOrder();
        case WorkOrderClosed e -> e.workOrder();
        case WorkOrderReopened e -> e.workOrder();
        case WorkOrderSlaWarning e -> e.workOrder();
        default -> throw new IllegalArgumentException("not a work-order event: " + payload);
        };
    }
}
