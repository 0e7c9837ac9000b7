package io.windbell.loadgen.sim;

/**
 * How simulated customers behave. Shares of <em>journeys</em> decide how each walk ends, so that the traffic carries a
 * known mix of what the journey service detects (interruptions after a failure, an abandonment or a stall; channel
 * switches; identity stitching); shares of <em>events</em> decide how they are delivered (duplicates, out of order).
 *
 * @param failShare
 *            journeys that fail at a key node (outcome FAILURE with an error code)
 * @param retryAfterFailure
 *            of the failed journeys: retry on the same channel and succeed
 * @param switchAfterFailure
 *            of the failed journeys: continue in a branch, the call centre or with their relationship manager; the rest
 *            ({@code 1 - retry - switch}) stop after the failure
 * @param abandonShare
 *            journeys that end with ABANDONED at a step between the start and the goal
 * @param stallShare
 *            journeys that simply stop after a key node succeeded
 * @param anonymousShare
 *            of the journeys that start on a digital channel (app, web, WeChat): start known only by the device id,
 *            then log in on the way (one event with both ids, then the customer id only)
 * @param duplicateShare
 *            events sent a second time with the same event id, up to 3 s later (a client's retry)
 * @param reorderShare
 *            events sent only after the customer's next event (when that one follows within 3 s)
 * @param assistedAtKeyShare
 *            key steps a customer chooses to do with a person rather than on the app
 * @param afterGoalShare
 *            completed journeys that go on to the steps after the goal (holdings viewed, first repayment...)
 * @param secondStartShare
 *            journeys that begin at the definition's second start touchpoint, where it has one
 * @param timeScale
 *            real time divided by simulated time (60: a minute of a customer's life takes a second)
 * @param minGapMillis
 *            shortest pause between two events of one customer after compression
 * @param maxGapMillis
 *            longest pause between two events of one customer after compression
 */
public record SimProfile(double failShare, double retryAfterFailure, double switchAfterFailure, double abandonShare,
        double stallShare, double anonymousShare, double duplicateShare, double reorderShare, double assistedAtKeyShare,
        double afterGoalShare, double secondStartShare, double timeScale, long minGapMillis, long maxGapMillis) {

    public static final double FAIL = 0.15;
    public static final double RETRY = 0.45;
    public static final double SWITCH = 0.35;
    public static final double ABANDON = 0.07;
    public static final double STALL = 0.07;
    public static final double ANONYMOUS = 0.30;
    public static final double DUPLICATE = 0.01;
    public static final double REORDER = 0.02;

    public SimProfile {
        share("failShare", failShare);
        share("retryAfterFailure", retryAfterFailure);
        share("switchAfterFailure", switchAfterFailure);
        share("abandonShare", abandonShare);
        share("stallShare", stallShare);
        share("anonymousShare", anonymousShare);
        share("duplicateShare", duplicateShare);
        share("reorderShare", reorderShare);
        share("assistedAtKeyShare", assistedAtKeyShare);
        share("afterGoalShare", afterGoalShare);
        share("secondStartShare", secondStartShare);
        if (failShare + abandonShare + stallShare > 1 + 1e-9) {
            throw new IllegalArgumentException("the fail, abandon and stall shares add up to more than 1: "
                    + (failShare + abandonShare + stallShare));
        }
        if (retryAfterFailure + switchAfterFailure > 1 + 1e-9) {
            throw new IllegalArgumentException(
                    "the retry and switch shares add up to more than 1: " + (retryAfterFailure + switchAfterFailure));
        }
        if (!(timeScale >= 1)) {
            throw new IllegalArgumentException("timeScale must be at least 1: " + timeScale);
        }
        if (minGapMillis < 1 || maxGapMillis < minGapMillis) {
            throw new IllegalArgumentException(
                    "gaps must satisfy 1 <= min <= max: " + minGapMillis + ", " + maxGapMillis);
        }
    }

    public static SimProfile defaults(double timeScale) {
        return shares(FAIL, RETRY, SWITCH, ABANDON, STALL, ANONYMOUS, DUPLICATE, REORDER, timeScale);
    }

    /** The given shares with the defaults for everything else. */
    public static SimProfile shares(double fail, double retry, double switchChannel, double abandon, double stall,
            double anonymous, double duplicate, double reorder, double timeScale) {
        return new SimProfile(fail, retry, switchChannel, abandon, stall, anonymous, duplicate, reorder, 0.03, 0.3, 0.2,
                timeScale, 20, 15_000);
    }

    /** The same behaviour with every event sent once and on time (for benchmarks that need distinct event ids). */
    public SimProfile deliveredOnce() {
        return new SimProfile(failShare, retryAfterFailure, switchAfterFailure, abandonShare, stallShare,
                anonymousShare, 0, 0, assistedAtKeyShare, afterGoalShare, secondStartShare, timeScale, minGapMillis,
                maxGapMillis);
    }

    /** Of the failed journeys, the share that stop after the failure. */
    public double stopAfterFailure() {
        return Math.max(0, 1 - retryAfterFailure - switchAfterFailure);
    }

    /** A real-life duration squeezed by the time scale and kept within the gap bounds. */
    public long compress(double realMillis) {
        return Math.clamp(Math.round(realMillis / timeScale), minGapMillis, maxGapMillis);
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }
}
