package io.windbell.loadgen.sim;

import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The customers of a run, {@code C00000001} upwards. Each customer's traits are derived from the seed and the index
 * alone, so a population of millions needs no memory and a seed always gives the same people.
 */
public final class Population {

    public static final int BRANCHES = 20;
    public static final int STAFF_PER_BRANCH = 10;
    private static final String[] OS = { "iOS", "Android", "Android", "HarmonyOS" };

    private final int size;
    private final long seed;

    public Population(int size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    public int size() {
        return size;
    }

    public Customer customer(int index) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        int branch = 1 + rnd.nextInt(BRANCHES);
        return new Customer(id("C", index + 1, 8), "dev-" + HexFormat.of().toHexDigits(rnd.nextLong()),
                rnd.nextDouble() < 0.85 ? "zh-CN" : "en", branchId(branch),
                staffId(branch, rnd.nextInt(STAFF_PER_BRANCH)), OS[rnd.nextInt(OS.length)], tier(rnd.nextDouble()));
    }

    /** The index of a customer of this class ({@code C00000042} is 41): the inverse of the ids it hands out. */
    public static int index(String customerId) {
        return Integer.parseInt(customerId.substring(1)) - 1;
    }

    /** Three customers in four are mass-market, one in five affluent, one in twenty private banking. */
    static String tier(double draw) {
        return draw < 0.75 ? "mass" : draw < 0.95 ? "affluent" : "private";
    }

    /** {@code B001} .. {@code B020}. */
    public static String branchId(int branch) {
        return id("B", branch, 3);
    }

    /** Employees of branch {@code n} are {@code E((n-1)*10+1)} .. {@code E(n*10)}: E0001 .. E0200. */
    public static String staffId(int branch, int member) {
        return id("E", (branch - 1) * STAFF_PER_BRANCH + member + 1, 4);
    }

    /** {@code prefix} and {@code n} zero-padded to {@code digits}: {@code id("E", 7, 4)} is {@code E0007}. */
    static String id(String prefix, int n, int digits) {
        String number = Integer.toString(n);
        return prefix + "0".repeat(Math.max(0, digits - number.length())) + number;
    }
}
