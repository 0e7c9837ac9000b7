package io.windbell.survey.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.rule.SurveyRule;

/**
 * What an invitation is created for. It fixes who is asked, when the invitation is delivered and how long it lives,
 * whether it counts against the contact budget, what a response is attributed to, and how the decision reads;
 * {@link InvitationCreation} does the rest the same way for every cause.
 */
public sealed interface InvitationCause {

    String customerId();

    /** How long after the decision the invitation is delivered (quiet hours may push it later). */
    Duration delay();

    SurveyRule.Expiry expiry();

    /** The channel to deliver by; {@code null} = the customer's preference. */
    DeliveryChannel channel();

    /** The invitation to store once the survey is assembled and the delivery planned. */
    NewInvitation invitation(UUID id, AssembledSurvey survey, DeliveryPlanner.Plan plan, UUID eventId,
            String traceparent, Instant now);

    /** The decision about this cause, taken on the event {@code eventId}. */
    Decision decision(UUID eventId, Instant now, Decision.Outcome outcome, UUID invitationId, String detail);

    /** Why an invitation that would expire before delivery is not sent. */
    String expiredBeforeSend();

    /** When and how the invitation will be delivered, for the INVITED decision. */
    String invited(DeliveryPlanner.Plan plan);

    /** A completed or interrupted journey that matched {@code rule} and fell inside its sample. */
    record Journey(JourneyContext context, SurveyRule rule) implements InvitationCause {

        @Override
        public String customerId() {
            return context.journey().customerId();
        }

        @Override
        public Duration delay() {
            return rule.delay();
        }

        @Override
        public SurveyRule.Expiry expiry() {
            return rule.expiry();
        }

        @Override
        public DeliveryChannel channel() {
            return rule.channel();
        }

        @Override
        public NewInvitation invitation(UUID id, AssembledSurvey survey, DeliveryPlanner.Plan plan, UUID eventId,
                String traceparent, Instant now) {
            return new NewInvitation(id, customerId(), context.journey(), rule.code(), rule.version(), survey,
                    plan.channel(), plan.locale(), true, rule.expiry().onJourneyProgress(), rule.expiry().onRecovery(),
                    null, eventId, traceparent, now, plan.sendAt(), plan.expiresAt(), attribution(context.journey()));
        }

        @Override
        public Decision decision(UUID eventId, Instant now, Decision.Outcome outcome, UUID invitationId,
                String detail) {
            return new Decision(customerId(), context.journey().journeyInstanceId(), eventId, triggerType(context), now,
                    outcome, rule.code(), invitationId, detail);
        }

        @Override
        public String expiredBeforeSend() {
            return "expires at " + rule.expiry().at() + ", before it could be delivered";
        }

        @Override
        public String invited(DeliveryPlanner.Plan plan) {
            return "delivery at " + plan.sendAt() + " by " + plan.channel();
        }

        /** The event type of the trigger: {@code journey.completed} or {@code journey.interrupted}. */
        public static String triggerType(JourneyContext context) {
            return context.trigger() == SurveyRule.Trigger.JOURNEY_COMPLETED ? JourneyCompleted.TYPE
                    : JourneyInterrupted.TYPE;
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
    }

    /**
     * The one-question follow-up after a resolved recovery work order. It bypasses the caps (it measures the recovery)
     * but never the customer's consent or quiet hours, and is sent once per work order.
     *
     * @param expiresAfter
     *            how long after delivery the follow-up can be answered
     */
    record RecoveryFollowUp(WorkOrderSummary order, Duration delay, Duration expiresAfter) implements InvitationCause {

        /** The survey code of every recovery follow-up. */
        public static final String SURVEY_CODE = "RECOVERY_FOLLOW_UP";

        @Override
        public String customerId() {
            return order.customerId();
        }

        @Override
        public SurveyRule.Expiry expiry() {
            return new SurveyRule.Expiry(expiresAfter, null, false, false);
        }

        @Override
        public DeliveryChannel channel() {
            return null;
        }

        @Override
        public NewInvitation invitation(UUID id, AssembledSurvey survey, DeliveryPlanner.Plan plan, UUID eventId,
                String traceparent, Instant now) {
            return new NewInvitation(id, customerId(), null, null, null, survey, plan.channel(), plan.locale(), false,
                    false, false, order.workOrderId(), eventId, traceparent, now, plan.sendAt(), plan.expiresAt(),
                    new NewInvitation.Attribution(order.branchId(), order.assigneeEmployeeId(), null));
        }

        @Override
        public Decision decision(UUID eventId, Instant now, Decision.Outcome outcome, UUID invitationId,
                String detail) {
            return new Decision(customerId(), order.journeyInstanceId(), eventId, WorkOrderResolved.TYPE, now, outcome,
                    null, invitationId, detail);
        }

        @Override
        public String expiredBeforeSend() {
            return "follow-up expiry";
        }

        @Override
        public String invited(DeliveryPlanner.Plan plan) {
            return "follow-up of work order " + order.workOrderId() + " at " + plan.sendAt();
        }
    }
}
