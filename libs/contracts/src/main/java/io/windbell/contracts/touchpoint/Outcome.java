package io.windbell.contracts.touchpoint;

/** What happened at a touchpoint. */
public enum Outcome {
    SUCCESS, FAILURE, ABANDONED, INFO
}
