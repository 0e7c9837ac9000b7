package io.windbell.workorder.order;

/** Queue codes: where an order waits until someone takes it. */
public final class Queues {

    public static final String CENTRAL = "central";

    private Queues() {
    }

    public static String branch(String branchId) {
        return "branch:" + branchId;
    }

    public static String region(String regionId) {
        return "region:" + regionId;
    }
}
