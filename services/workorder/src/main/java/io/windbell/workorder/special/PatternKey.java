package io.windbell.workorder.special;

import java.util.Objects;
import java.util.UUID;

/**
 * What a set of recovery cases share, so that together they are one systemic problem: a touchpoint, an error code, a
 * root-cause code, or a root-cause category at one touchpoint. {@link #value()} is the key one open special task holds
 * ({@code special_task.pattern_key}, unique among open tasks).
 */
public record PatternKey(Kind kind, String touchpointCode, String errorCode, String rootCause) {

    /** The kinds of pattern, in the order a case's keys are tried. */
    public enum Kind {
        /** cases at one touchpoint (opened within the window) */
        TOUCHPOINT,
        /** cases with one error code, at any touchpoint (opened within the window) */
        ERROR_CODE,
        /** cases resolved with one root-cause code of the catalog, at any touchpoint (resolved within the window) */
        ROOT_CAUSE_CODE,
        /** cases at one touchpoint resolved with one root-cause category (a category alone is too coarse) */
        ROOT_CAUSE,
        /** a task a CX admin proposed by hand without a touchpoint: a pattern of its own */
        MANUAL
    }

    public PatternKey {
        Objects.requireNonNull(kind, "kind");
    }

    public static PatternKey touchpoint(String touchpointCode) {
        return new PatternKey(Kind.TOUCHPOINT, Objects.requireNonNull(touchpointCode), null, null);
    }

    public static PatternKey errorCode(String errorCode) {
        return new PatternKey(Kind.ERROR_CODE, null, Objects.requireNonNull(errorCode), null);
    }

    public static PatternKey rootCauseCode(String rootCauseCode) {
        return new PatternKey(Kind.ROOT_CAUSE_CODE, null, null, Objects.requireNonNull(rootCauseCode));
    }

    public static PatternKey rootCause(String category, String touchpointCode) {
        return new PatternKey(Kind.ROOT_CAUSE, Objects.requireNonNull(touchpointCode), null,
                Objects.requireNonNull(category));
    }

    public static PatternKey manual(UUID taskId) {
        return new PatternKey(Kind.MANUAL, null, null, taskId.toString());
    }

    /** The key as stored: {@code touchpoint:transfer.submit}, {@code root-cause:SYSTEM@transfer.submit}, … */
    public String value() {
        return switch (kind) {
        case TOUCHPOINT -> "touchpoint:" + touchpointCode;
        case ERROR_CODE -> "error:" + errorCode;
        case ROOT_CAUSE_CODE -> "root-cause:" + rootCause;
        case ROOT_CAUSE -> "root-cause:" + rootCause + "@" + touchpointCode;
        case MANUAL -> "manual:" + rootCause;
        };
    }

    /** Whether the cases of this pattern are counted by their resolution time (their root cause is known then). */
    public boolean countsResolutions() {
        return kind == Kind.ROOT_CAUSE_CODE || kind == Kind.ROOT_CAUSE;
    }
}
