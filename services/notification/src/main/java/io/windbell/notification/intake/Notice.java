package io.windbell.notification.intake;

/**
 * Who learns of one event, how urgently and in what role.
 *
 * @param addressee
 *            one employee, or a branch queue (every known member of the branch)
 * @param critical
 *            bypasses quiet hours and is re-notified on a second channel when nobody acknowledges it
 */
public record Notice(Addressee addressee, Level level, boolean critical, Role role) {

    /** How much an item matters to its reader: LOW items may wait for the digest. */
    public enum Level {
        LOW, NORMAL, HIGH
    }

    /** Why the reader gets it; the templates word the message after it. */
    public enum Role {
        /** the order is theirs */
        ASSIGNEE,
        /** the order waits in their branch's queue */
        QUEUE,
        /** the order was escalated to them */
        ESCALATION_TARGET,
        /** their order was escalated to their manager: for their information */
        INFORMED
    }

    /** An employee or a queue. */
    public sealed interface Addressee {
    }

    /** One employee. */
    public record Employee(String employeeId) implements Addressee {
    }

    /** Every known member of a branch (a queue). */
    public record Queue(String branchId) implements Addressee {
    }
}
