package io.windbell.workorder.order.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.workorder.order.ContactAttempt;

/** The request bodies of the work-order commands; free text (reasons, comments, notes) is shown, never logged. */
public final class Bodies {

    /** The longest reason a command takes. */
    static final int REASON_MAX = 500;

    private Bodies() {
    }

    /** A manual order: origin MANUAL or COMPLAINT. */
    public record ManualOrderBody(@NotNull WorkOrderOrigin origin,
            @NotBlank @Size(max = Identifiers.CUSTOMER_ID_MAX) @Pattern(regexp = Identifiers.CUSTOMER_ID_REGEX) String customerId,
            @NotBlank @Size(max = Identifiers.BRANCH_ID_MAX) @Pattern(regexp = Identifiers.BRANCH_ID_REGEX) String branchId,
            @Size(max = Identifiers.REGION_ID_MAX) @Pattern(regexp = Identifiers.REGION_ID_REGEX) String regionId,
            @NotBlank @Size(max = 200) String title, @NotNull Priority priority,
            @Size(max = Identifiers.JOURNEY_CODE_MAX) @Pattern(regexp = Identifiers.JOURNEY_CODE_REGEX) String journeyCode,
            @Size(max = Identifiers.TOUCHPOINT_CODE_MAX) @Pattern(regexp = Identifiers.TOUCHPOINT_CODE_REGEX) String touchpointCode) {
    }

    public record AssignBody(
            @NotBlank @Size(max = Identifiers.EMPLOYEE_ID_MAX) @Pattern(regexp = Identifiers.EMPLOYEE_ID_REGEX) String employeeId,
            @Size(max = REASON_MAX) String reason) {
    }

    /** A reason (release, escalate). */
    public record ReasonBody(@Size(max = REASON_MAX) String reason) {
    }

    /** Why and until when the order waits for the customer. */
    public record WaitBody(@Size(max = REASON_MAX) String reason, Instant until) {
    }

    /** The outcome; {@code followUpRequested} defaults to true (the recovery effect needs the follow-up answer). */
    public record ResolveBody(@NotNull WorkOrderResolved.RecoveryOutcome outcome,
            @NotNull WorkOrderResolved.RootCause rootCause, @Size(max = 64) String rootCauseCode,
            @Size(max = 2000) String actionTaken, Boolean followUpRequested) {
    }

    /** Closing by a person confirms the recovery: CONFIRMED (the default) is the only reason people give. */
    public record CloseBody(WorkOrderClosed.Reason reason) {
    }

    /** CUSTOMER_COMPLAINT or QUALITY_REVIEW (FOLLOW_UP_LOW_SCORE is the system's). */
    public record ReopenBody(@NotNull WorkOrderReopened.Reason reason) {
    }

    /** DUPLICATE or CANCELLED. */
    public record CancelBody(@NotNull WorkOrderClosed.Reason reason) {
    }

    public record CommentBody(@NotBlank @Size(max = 4000) String text) {
    }

    /** A contact attempt; {@code at} defaults to now. */
    public record ContactBody(Instant at, @NotNull ContactAttempt.Channel channel,
            @NotNull ContactAttempt.Result result, @Size(max = 2000) String note) {
    }
}
