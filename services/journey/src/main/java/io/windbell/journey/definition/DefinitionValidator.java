package io.windbell.journey.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.problem.Violation;

/**
 * Checks a candidate {@link JourneyDefinition} before it is stored: the reconstruction relies on these rules (steps
 * numbered 1..n, a touchpoint in one step only, clocks that fit inside each other), so a definition that breaks one
 * never reaches the hot path. Field names are JSON paths of the API document, e.g. {@code steps[2].inactivityTimeout}.
 */
public final class DefinitionValidator {

    /** Step codes exist only inside a definition, so their rule lives here; every other code is in Identifiers. */
    static final Pattern STEP_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,63}$");
    static final int MAX_NAME = 120;

    private DefinitionValidator() {
    }

    /** Every rule the definition breaks, in document order; empty when it may be stored. */
    public static List<Violation> validate(JourneyDefinition d) {
        List<Violation> out = new ArrayList<>();
        if (!Identifiers.isJourneyCode(d.code())) {
            out.add(new Violation("code", "must match " + Identifiers.JOURNEY_CODE_REGEX + ", e.g. WEALTH_PURCHASE"));
        }
        name(out, "name", d.name(), true);
        name(out, "nameZh", d.nameZh(), false);
        if (d.stage() == null) {
            out.add(new Violation("stage", "must be one of ACQUISITION, ACTIVATION, UPGRADE, RETENTION, REFERRAL"));
        }

        Map<String, String> stepOfTouchpoint = steps(out, d.steps());

        touchpointSet(out, "startTouchpoints", d.startTouchpoints(), stepOfTouchpoint);
        touchpointSet(out, "completionTouchpoints", d.completionTouchpoints(), stepOfTouchpoint);

        clocks(out, d);

        for (String channel : new TreeSet<>(d.assistedChannels())) {
            if (!Identifiers.isChannelCode(channel)) {
                out.add(new Violation("assistedChannels",
                        "'" + channel + "' is not a channel code (" + Identifiers.CHANNEL_CODE_REGEX + ")"));
            }
        }
        return List.copyOf(out);
    }

    /** Checks the steps; answers which step (its path) each touchpoint belongs to. */
    private static Map<String, String> steps(List<Violation> out, List<JourneyDefinition.Step> steps) {
        Map<String, String> stepOfTouchpoint = new HashMap<>();
        if (steps.isEmpty()) {
            out.add(new Violation("steps", "a journey needs at least one step"));
            return stepOfTouchpoint;
        }
        Map<String, String> pathOfCode = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            JourneyDefinition.Step step = steps.get(i);
            String path = "steps[" + i + "]";
            if (step.order() != i + 1) {
                out.add(new Violation(path + ".order",
                        "must be " + (i + 1) + ": steps are numbered 1..n in list order, without gaps"));
            }
            if (step.code() == null || !STEP_CODE.matcher(step.code()).matches()) {
                out.add(new Violation(path + ".code", "must match " + STEP_CODE.pattern()));
            } else {
                String first = pathOfCode.putIfAbsent(step.code(), path);
                if (first != null) {
                    out.add(new Violation(path + ".code",
                            "duplicate step code " + step.code() + " (also " + first + ")"));
                }
            }
            name(out, path + ".name", step.name(), true);
            if (step.phase() != null && !Identifiers.isPhaseCode(step.phase())) {
                out.add(new Violation(path + ".phase", "must match " + Identifiers.PHASE_CODE_REGEX + " or be absent"));
            }
            if (step.touchpoints().isEmpty()) {
                out.add(new Violation(path + ".touchpoints", "a step needs at least one touchpoint"));
            }
            for (int t = 0; t < step.touchpoints().size(); t++) {
                String touchpoint = step.touchpoints().get(t);
                String tpPath = path + ".touchpoints[" + t + "]";
                if (!Identifiers.isTouchpointCode(touchpoint)) {
                    out.add(new Violation(tpPath,
                            "must be a touchpoint code of at most " + Identifiers.TOUCHPOINT_CODE_MAX + " characters ("
                                    + Identifiers.TOUCHPOINT_CODE_REGEX + "), e.g. wealth.risk_assessment"));
                    continue;
                }
                String owner = stepOfTouchpoint.putIfAbsent(touchpoint, path);
                if (owner != null) {
                    out.add(new Violation(tpPath, "touchpoint " + touchpoint + " is already in " + owner
                            + ": a touchpoint belongs to one step"));
                }
            }
            Duration timeout = step.inactivityTimeout();
            if (step.keyNode() && !positive(timeout)) {
                out.add(new Violation(path + ".inactivityTimeout", "a key node needs a positive inactivity timeout"));
            } else if (!step.keyNode() && timeout != null) {
                out.add(new Violation(path + ".inactivityTimeout",
                        "only key nodes have an inactivity timeout; leave it out or make the step a key node"));
            }
        }
        return stepOfTouchpoint;
    }

    private static void touchpointSet(List<Violation> out, String field, Set<String> touchpoints,
            Map<String, String> stepOfTouchpoint) {
        if (touchpoints.isEmpty()) {
            out.add(new Violation(field, "must name at least one touchpoint"));
            return;
        }
        for (String touchpoint : new TreeSet<>(touchpoints)) {
            if (!stepOfTouchpoint.containsKey(touchpoint)) {
                out.add(new Violation(field, "'" + touchpoint + "' is not a touchpoint of any step"));
            }
        }
    }

    private static void clocks(List<Violation> out, JourneyDefinition d) {
        Duration max = d.maxDuration();
        if (!positive(max)) {
            out.add(new Violation("maxDuration", "must be a positive ISO-8601 duration, e.g. P30D"));
        } else {
            List<JourneyDefinition.Step> steps = d.steps();
            int longest = -1;
            for (int i = 0; i < steps.size(); i++) {
                Duration timeout = steps.get(i).inactivityTimeout();
                if (timeout != null && (longest < 0 || timeout.compareTo(steps.get(longest).inactivityTimeout()) > 0)) {
                    longest = i;
                }
            }
            if (longest >= 0 && max.compareTo(steps.get(longest).inactivityTimeout()) < 0) {
                out.add(new Violation("maxDuration", "must be at least every inactivity timeout, e.g. steps[" + longest
                        + "].inactivityTimeout (" + steps.get(longest).inactivityTimeout() + ")"));
            }
        }
        Duration grace = d.channelSwitchGrace();
        if (!positive(grace)) {
            out.add(new Violation("channelSwitchGrace", "must be a positive ISO-8601 duration, e.g. PT4H"));
        } else if (positive(max) && grace.compareTo(max) >= 0) {
            out.add(new Violation("channelSwitchGrace", "must be shorter than maxDuration (" + max + ")"));
        }
    }

    private static void name(List<Violation> out, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                out.add(new Violation(field, "must not be blank"));
            }
        } else if (value.length() > MAX_NAME) {
            out.add(new Violation(field, "must be at most " + MAX_NAME + " characters"));
        }
    }

    private static boolean positive(Duration duration) {
        return duration != null && duration.isPositive();
    }
}
