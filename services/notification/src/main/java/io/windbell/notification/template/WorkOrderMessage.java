package io.windbell.notification.template;

/**
 * The facts a work-order message shows, already in the reader's terms (the due time in their zone). No customer id:
 * messages reach inboxes, mailboxes and chat rooms, none of which is the CRM.
 *
 * @param role
 *            why the reader gets it ({@code ASSIGNEE}, {@code QUEUE}, {@code ESCALATION_TARGET}, {@code INFORMED}, or
 *            {@code GROUP} for a chat room)
 * @param reason
 *            the event's reason or SLA target, {@code null} when it has none
 * @param due
 *            the SLA due time, formatted in the reader's zone; {@code null} when the order has none
 */
public record WorkOrderMessage(String title, String workOrderId, String priority, String status, int escalationLevel,
        String branchId, String assignee, String escalatedTo, String reason, String due, String link, String role,
        boolean critical) {
}
