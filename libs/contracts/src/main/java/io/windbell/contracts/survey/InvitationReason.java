package io.windbell.contracts.survey;

/**
 * Why a survey was sent, or why one question is in it: the survey service explains every invitation.
 *
 * @param questionId
 *            the question this reason put into the survey; {@code null} for a reason about the invitation
 * @param touchpointCode
 *            the touchpoint behind the reason, when there is one
 * @param detail
 *            a short machine-readable hint (e.g. the error code, the duration percentile)
 */
public record InvitationReason(Code code, String questionId, String touchpointCode, String detail) {

    /** The kinds of reasons. */
    public enum Code {
        JOURNEY_COMPLETED, JOURNEY_INTERRUPTED, ANCHOR_METRIC, TOUCHPOINT_VISITED, TOUCHPOINT_FAILED, TOUCHPOINT_SLOW,
        RECOVERY_FOLLOW_UP, KEY_NODE_VISITED, BRANCH_VISITED, EMPLOYEE_SERVED, DETRACTOR_FOLLOW_UP, OPEN_FEEDBACK
    }
}
