package io.windbell.journey.query;

import java.time.Instant;
import java.util.List;

import io.windbell.contracts.journey.InterruptionReason;

/**
 * How the instances of one journey started in [from, to) went through its steps, and where they were interrupted.
 *
 * @param definitionVersion
 *            the version whose steps name the funnel (the active one, else the newest); instances of other versions are
 *            counted by step order
 * @param versions
 *            how many of the instances started on each version
 */
public record Funnel(String definitionCode, int definitionVersion, String name, Instant from, Instant to, Totals totals,
        List<VersionCount> versions, List<StepStats> steps, List<PhaseStats> phases, List<HotSpot> hotSpots) {

    /**
     * @param interrupted
     *            instances currently interrupted
     * @param completionRate
     *            completed / started, {@code null} when none started
     * @param channelSwitches
     *            the sum over all instances
     * @param anonymous
     *            instances whose customer is not known (yet)
     */
    public record Totals(long started, long completed, long interrupted, long inProgress, Double completionRate,
            long channelSwitches, long anonymous) {
    }

    public record VersionCount(int version, long started) {
    }

    /**
     * @param entries
     *            distinct instances with at least one (not late) event at this step
     * @param dropOff
     *            entries here minus entries at the next step; {@code null} for the last step
     * @param dropOffRate
     *            dropOff / entries; {@code null} for the last step or without entries
     * @param medianMsFromPrevious
     *            median over instances of (first event at this step - first event at the previous step), in ms;
     *            {@code null} for the first step or when no instance reached both
     */
    public record StepStats(int order, String code, String name, String phase, boolean keyNode, long entries,
            Long dropOff, Double dropOffRate, Long medianMsFromPrevious) {
    }

    /** Distinct instances with at least one (not late) event at a step of this phase. */
    public record PhaseStats(String phase, long entries) {
    }

    /** Interruptions of the same touchpoint, error code and reason; {@code resumed} of them resumed later. */
    public record HotSpot(String touchpoint, String errorCode, InterruptionReason reason, long count, long resumed) {
    }
}
