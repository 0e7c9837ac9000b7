package io.windbell.workorder.directory;

/** What an employee does in the bank's organisation; decides who takes orders and who is escalated to. */
public enum StaffRole {
    /** branch counter and lobby staff */
    FRONTLINE,
    /** a 客户经理 who owns customers */
    RELATIONSHIP_MANAGER,
    /** the manager of one branch: level-1 escalation */
    BRANCH_MANAGER,
    /** the manager of one region: level-2 escalation */
    REGIONAL_MANAGER,
    /** a product or complaint specialist: assigned by hand, never by a queue */
    SPECIALIST,
    /** a call-centre agent (usually of the central branch) */
    CALL_CENTRE_AGENT;

    /** Whether a queue may hand this role an order; managers and specialists are assigned by hand or escalation. */
    public boolean takesOrders() {
        return this == FRONTLINE || this == RELATIONSHIP_MANAGER || this == CALL_CENTRE_AGENT;
    }
}
