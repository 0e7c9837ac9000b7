package io.windbell.loadgen.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** What differs between channels: how often customers start there, how long things take, what the app reports. */
public final class Channels {

    public static final String MOBILE_APP = "MOBILE_APP";
    public static final String WEB = "WEB";
    public static final String BRANCH = "BRANCH";
    public static final String CALL_CENTER = "CALL_CENTER";
    public static final String WECHAT = "WECHAT";
    public static final String ATM = "ATM";
    public static final String RM_VISIT = "RM_VISIT";

    public static final List<String> ALL = List.of(MOBILE_APP, WEB, BRANCH, CALL_CENTER, WECHAT, ATM, RM_VISIT);
    static final Set<String> DIGITAL = Set.of(MOBILE_APP, WEB, WECHAT);
    /** Where people go when the app lets them down: a person at the counter, on the phone, or their RM. */
    static final List<String> ASSISTED = List.of(BRANCH, CALL_CENTER, RM_VISIT);

    private static final Map<String, Integer> START_WEIGHT = Map.of(MOBILE_APP, 50, WECHAT, 15, WEB, 12, BRANCH, 10,
            CALL_CENTER, 6, ATM, 4, RM_VISIT, 3);
    private static final String[] BROWSERS = { "Chrome", "Chrome", "Edge", "Safari", "Firefox" };

    private Channels() {
    }

    public static boolean digital(String channel) {
        return DIGITAL.contains(channel);
    }

    /** A channel among {@code allowed}, weighted by how much traffic each channel carries. */
    static String pick(List<String> allowed, RandomGenerator rnd) {
        int total = 0;
        for (String c : allowed) {
            total += START_WEIGHT.getOrDefault(c, 1);
        }
        int r = rnd.nextInt(total);
        for (String c : allowed) {
            r -= START_WEIGHT.getOrDefault(c, 1);
            if (r < 0) {
                return c;
            }
        }
        return allowed.getLast();
    }

    /** The channel a customer moves to when a step is not offered where they are: digital stays digital if it can. */
    static String moveTo(List<String> allowed, String current, RandomGenerator rnd) {
        if (digital(current)) {
            List<String> digitalAllowed = allowed.stream().filter(Channels::digital).toList();
            if (!digitalAllowed.isEmpty()) {
                return pick(digitalAllowed, rnd);
            }
        }
        return pick(allowed, rnd);
    }

    /**
     * Branch, call centre or RM visit, if the step is offered there and the customer is not already there; else null.
     */
    static String assisted(List<String> allowed, String current, RandomGenerator rnd) {
        List<String> options = new ArrayList<>();
        for (String c : ASSISTED) {
            if (allowed.contains(c) && !c.equals(current)) {
                options.add(c);
            }
        }
        return options.isEmpty() ? null : options.get(rnd.nextInt(options.size()));
    }

    /** How long a step takes in real life, in milliseconds (log-normal around a per-channel median). */
    static double stepMillis(String channel, RandomGenerator rnd) {
        double median = switch (channel) {
        case BRANCH -> 360_000;
        case CALL_CENTER -> 240_000;
        case RM_VISIT -> 1_200_000;
        case ATM -> 60_000;
        default -> 25_000;
        };
        return logNormal(median, 0.7, rnd);
    }

    /** Real-life pause between two steps on the same channel. */
    static double thinkMillis(String channel, RandomGenerator rnd) {
        return logNormal(digital(channel) ? 20_000 : 90_000, 0.8, rnd);
    }

    /** Real-life pause before the customer turns up on another channel: minutes to a day. */
    static double switchMillis(RandomGenerator rnd) {
        return logNormal(2 * 3_600_000, 1.2, rnd);
    }

    static double logNormal(double median, double sigma, RandomGenerator rnd) {
        return median * Math.exp(sigma * Math.clamp(rnd.nextGaussian(), -3, 3));
    }

    /** The small attribute map a channel's app attaches to an event. */
    static Map<String, Object> attributes(String channel, Customer customer, boolean known, String branchId,
            int attempt, RandomGenerator rnd) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        switch (channel) {
        case MOBILE_APP -> {
            attributes.put("os", customer.os());
            attributes.put("appVersion", "9.3." + (customer.id().hashCode() & 3));
        }
        case WEB -> attributes.put("browser", BROWSERS[rnd.nextInt(BROWSERS.length)]);
        case WECHAT -> attributes.put("entry", rnd.nextInt(4) == 0 ? "official_account" : "mini_program");
        case BRANCH -> attributes.put("counter", "W" + (1 + rnd.nextInt(8)));
        case ATM -> attributes.put("atmId", branchId + "-ATM" + (1 + rnd.nextInt(4)));
        case CALL_CENTER -> attributes.put("queueWaitS", (int) logNormal(45, 0.9, rnd));
        case RM_VISIT -> attributes.put("visitType", rnd.nextBoolean() ? "office" : "home");
        default -> {
        }
        }
        if (attempt > 1) {
            attributes.put("attempt", attempt);
        }
        if (known) {
            // what the app knows of a logged-in customer; scoring attributes metrics to tiers and home branches
            attributes.put("customerTier", customer.tier());
            attributes.put("homeBranchId", customer.homeBranch());
        }
        return attributes;
    }
}
