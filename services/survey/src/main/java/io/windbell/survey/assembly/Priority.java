package io.windbell.survey.assembly;

import io.windbell.contracts.survey.InvitationReason;

/**
 * The tiers in which questions about the journey compete for the rule's question limit, most important first. Also
 * ranks the visits of one touchpoint: its "worst" visit decides the tier of its question.
 */
enum Priority {
    FAILED(InvitationReason.Code.TOUCHPOINT_FAILED), KEY_NODE(InvitationReason.Code.KEY_NODE_VISITED),
    BRANCH(InvitationReason.Code.BRANCH_VISITED), EMPLOYEE(InvitationReason.Code.EMPLOYEE_SERVED),
    SLOW(InvitationReason.Code.TOUCHPOINT_SLOW), VISITED(InvitationReason.Code.TOUCHPOINT_VISITED);

    private final InvitationReason.Code reason;

    Priority(InvitationReason.Code reason) {
        this.reason = reason;
    }

    InvitationReason.Code reason() {
        return reason;
    }
}
