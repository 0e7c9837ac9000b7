package io.windbell.loadgen.sim;

import java.util.random.RandomGenerator;

/**
 * Who serves a customer on a channel: a branch and a teller at a counter (mostly the home branch), the branch of an
 * ATM, the customer's relationship manager on a visit, an agent in the call centre, nobody in self-service.
 */
record Staffing(String branchId, String employeeId) {

    static Staffing on(String channel, Customer customer, RandomGenerator rnd) {
        int branch = rnd.nextDouble() < 0.8 ? Integer.parseInt(customer.homeBranch().substring(1))
                : 1 + rnd.nextInt(Population.BRANCHES);
        return switch (channel) {
        case Channels.BRANCH -> new Staffing(Population.branchId(branch),
                Population.staffId(branch, rnd.nextInt(Population.STAFF_PER_BRANCH)));
        case Channels.ATM -> new Staffing(Population.branchId(branch), null);
        case Channels.RM_VISIT -> new Staffing(customer.homeBranch(), customer.relationshipManager());
        case Channels.CALL_CENTER -> new Staffing(null, Population.id("E", 801 + rnd.nextInt(50), 4));
        default -> new Staffing(null, null);
        };
    }
}
