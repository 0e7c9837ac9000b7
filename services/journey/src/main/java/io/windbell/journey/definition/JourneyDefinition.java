package io.windbell.journey.definition;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.windbell.contracts.journey.LifecycleStage;

/**
 * One version of a journey definition: the ordered steps a customer goes through, which of them are key nodes, where a
 * journey starts and what completes it, and the clocks that decide when a stalled journey counts as interrupted.
 * Immutable; {@link DefinitionValidator} checks a candidate before it is stored.
 *
 * @param startTouchpoints
 *            touchpoints that open a new instance when the customer has none open for this journey
 * @param completionTouchpoints
 *            touchpoints whose SUCCESS completes the journey
 * @param maxDuration
 *            an instance still open this long after it started is closed (interrupted by TIMEOUT if in progress)
 * @param channelSwitchGrace
 *            after a FAILURE at a key node or an explicit ABANDONED, how long the journey may continue (in any channel)
 *            before it counts as interrupted; a continuation on another channel inside it is a channel switch
 * @param assistedChannels
 *            channels where a contact about the journey (same product, or {@code attributes.journey} naming it) counts
 *            as a continuation even though its touchpoint is not a step, e.g. a call to the call centre
 */
public record JourneyDefinition(String code, int version, String name, String nameZh, LifecycleStage stage,
        List<Step> steps, Set<String> startTouchpoints, Set<String> completionTouchpoints, Duration maxDuration,
        Duration channelSwitchGrace, Set<String> assistedChannels) {

    /**
     * One step of the journey.
     *
     * @param order
     *            1-based position; the furthest step reached is where the journey stands
     * @param phase
     *            e.g. {@code BEFORE_INVESTING}; {@code null} for definitions without phases
     * @param inactivityTimeout
     *            for a key node: how long the journey may rest after it before it counts as stalled; {@code null} for
     *            other steps
     */
    public record Step(int order, String code, String name, String phase, List<String> touchpoints, boolean keyNode,
            Duration inactivityTimeout) {

        public Step {
            touchpoints = List.copyOf(touchpoints);
        }
    }

    public JourneyDefinition {
        steps = List.copyOf(steps);
        startTouchpoints = Set.copyOf(startTouchpoints);
        completionTouchpoints = Set.copyOf(completionTouchpoints);
        assistedChannels = Set.copyOf(assistedChannels);
    }

    /** The step a touchpoint belongs to, if it is part of this journey. */
    public Optional<Step> stepOf(String touchpoint) {
        // a linear scan: definitions have a few dozen touchpoints, fewer than a hash lookup of the record would cost
        for (Step step : steps) {
            if (step.touchpoints().contains(touchpoint)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    public boolean contains(String touchpoint) {
        return stepOf(touchpoint).isPresent();
    }

    public boolean startsWith(String touchpoint) {
        return startTouchpoints.contains(touchpoint);
    }

    public boolean completesWith(String touchpoint) {
        return completionTouchpoints.contains(touchpoint);
    }

    /** The step with this order; steps are numbered 1..n without gaps. */
    public Step step(int order) {
        return steps.get(order - 1);
    }
}
