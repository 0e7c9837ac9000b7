package io.windbell.survey.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * Why one trigger did or did not become an invitation: the survey service can always say why a customer was, or was
 * not, asked.
 *
 * @param triggerType
 *            the event type that triggered the decision (e.g. {@code journey.interrupted})
 * @param detail
 *            a short human-readable explanation (the cap that was hit, the error of assembly, …)
 */
public record Decision(String customerId, UUID journeyInstanceId, UUID triggerEventId, String triggerType,
        Instant decidedAt, Outcome outcome, String ruleCode, UUID invitationId, String detail) {

    /** The possible outcomes of a trigger. */
    public enum Outcome {
        /** An invitation was scheduled. */
        INVITED,
        /** No active rule matches the event. */
        NO_RULE,
        /** The journey fell outside the rule's sample. */
        NOT_SAMPLED,
        /** The customer opted out of surveys. */
        DO_NOT_SURVEY,
        /** A recovery work order for the customer is still open. */
        OPEN_RECOVERY,
        /** The customer was surveyed about this journey recently. */
        JOURNEY_COOLDOWN,
        /** The customer's invitation caps are used up. */
        BUDGET_CAP,
        /** The survey could not be assembled (e.g. the bank has no anchor question for the metric). */
        NOT_ASSEMBLED,
        /** The invitation would expire before it could be delivered. */
        EXPIRED_BEFORE_SEND,
        /** A follow-up for this work order exists already. */
        FOLLOW_UP_EXISTS
    }
}
