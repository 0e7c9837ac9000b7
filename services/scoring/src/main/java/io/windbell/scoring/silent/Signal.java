package io.windbell.scoring.silent;

/** A kind of negative behaviour that raises a customer's silent-detractor risk (docs/adr/0017). */
public enum Signal {
    /** A touchpoint failed ({@code touchpoint.recorded} outcome FAILURE), by touchpoint and error code. */
    FAILURE("failure", "failures"),
    /** A journey was interrupted ({@code journey.interrupted}), by its last touchpoint and the reason. */
    INTERRUPTION("interrupted journey", "interrupted journeys"),
    /** A key-node visit took longer than that touchpoint's p90 (or the configured threshold). */
    SLOW_KEY_STEP("slow key step", "slow key steps"),
    /** The customer abandoned a touchpoint ({@code touchpoint.recorded} outcome ABANDONED). */
    ABANDONMENT("abandonment", "abandonments");

    private final String one;
    private final String many;

    Signal(String one, String many) {
        this.one = one;
        this.many = many;
    }

    /** "3 failures", "1 slow key step". */
    public String counted(long count) {
        return count + " " + (count == 1 ? one : many);
    }
}
