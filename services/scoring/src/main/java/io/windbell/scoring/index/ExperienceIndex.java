package io.windbell.scoring.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.windbell.scoring.stats.Estimate;

/**
 * The experience index of one subject (the bank, a journey, a touchpoint) from the raw estimates of the components that
 * apply to it: the weighted mean of the normalised components that have at least the minimum sample, the weights
 * renormalised over them, and the coverage (the share of the applicable weight that is present). Pure maths (ADR 0016).
 */
public final class ExperienceIndex {

    private ExperienceIndex() {
    }

    /**
     * One component as it entered the index.
     *
     * @param weight
     *            the model's weight
     * @param effectiveWeight
     *            its share of the index: {@code weight / Σ weights of the used components}, 0 when not used
     * @param lowSample
     *            measured, but on fewer than the minimum sample: dropped
     * @param used
     *            whether it is part of the value
     */
    public record Part(Component component, Estimate raw, Estimate normalised, double weight, double effectiveWeight,
            boolean lowSample, boolean used) {
    }

    /**
     * The index of one subject.
     *
     * @param value
     *            0..100 with its variance ({@code Σ (w/W)² var}, the components taken as independent) and, as n, the
     *            largest sample of a used component; {@link Estimate#EMPTY} when no component is used
     * @param coverage
     *            0..1: the used components' weight over the applicable components' weight
     */
    public record Result(Estimate value, double coverage, List<Part> parts) {
    }

    /**
     * @param applicable
     *            the raw estimate of every component that applies to the subject, in the order to report them
     *            ({@link Estimate#EMPTY} when not measured)
     */
    public static Result of(Map<Component, Estimate> applicable, IndexModel model, int minimumSample) {
        double applicableWeight = 0;
        double usedWeight = 0;
        for (Map.Entry<Component, Estimate> entry : applicable.entrySet()) {
            double weight = model.weight(entry.getKey());
            applicableWeight += weight;
            if (usable(entry.getValue(), minimumSample) && weight > 0) {
                usedWeight += weight;
            }
        }
        List<Part> parts = new ArrayList<>();
        double sum = 0;
        double variance = 0;
        long n = 0;
        for (Map.Entry<Component, Estimate> entry : applicable.entrySet()) {
            Component component = entry.getKey();
            Estimate raw = entry.getValue();
            Estimate normalised = component.normalise(raw);
            double weight = model.weight(component);
            boolean used = usable(raw, minimumSample) && weight > 0;
            double share = used ? weight / usedWeight : 0;
            if (used) {
                sum += share * normalised.value();
                variance += share * share * normalised.variance();
                n = Math.max(n, raw.n());
            }
            parts.add(
                    new Part(component, raw, normalised, weight, share, raw.n() > 0 && raw.n() < minimumSample, used));
        }
        Estimate value = usedWeight == 0 ? Estimate.EMPTY : new Estimate(sum, variance, n);
        double coverage = applicableWeight == 0 ? 0 : usedWeight / applicableWeight;
        return new Result(value, coverage, List.copyOf(parts));
    }

    private static boolean usable(Estimate raw, int minimumSample) {
        return raw.n() > 0 && raw.n() >= minimumSample && !Double.isNaN(raw.value());
    }
}
