package io.windbell.scoring.index;

import java.util.EnumMap;
import java.util.Map;

/**
 * One version of the experience index model: the weight of each {@link Component}, the minimum sample below which a
 * component is dropped, and what the metric pyramid puts at its top. Version 0 is the built-in default, in force while
 * no model is active.
 *
 * @param minimumSample
 *            {@code null}: {@code windbell.scoring.low-sample-size}
 * @param weights
 *            non-negative; a component without a weight weighs 0
 */
public record IndexModel(String code, int version, String name, NorthStar northStar, Integer minimumSample,
        Map<Component, Double> weights) {

    /** The metric at the top of the pyramid (and of each journey under it). */
    public enum NorthStar {
        /** The bank's NPS, each journey's NPS. */
        NPS,
        /** The bank's experience index, each journey's index. */
        INDEX
    }

    public static final String BUILT_IN_CODE = "BUILT_IN";

    /**
     * The default: X-data (NPS, CSAT, CES) weighs half, O-data half, and within each the loyalty and success measures
     * weigh most (ADR 0016).
     */
    public static final IndexModel DEFAULT = new IndexModel(BUILT_IN_CODE, 0, "Built-in default", NorthStar.NPS, null,
            defaultWeights());

    public IndexModel {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    /** Whether this is the built-in default rather than a configured version. */
    public boolean builtIn() {
        return version == 0;
    }

    public double weight(Component component) {
        return weights.getOrDefault(component, 0.0);
    }

    private static Map<Component, Double> defaultWeights() {
        Map<Component, Double> weights = new EnumMap<>(Component.class);
        weights.put(Component.NPS, 0.25);
        weights.put(Component.CSAT, 0.15);
        weights.put(Component.CES, 0.10);
        weights.put(Component.SUCCESS_RATE, 0.15);
        weights.put(Component.ABANDONMENT_RATE, 0.10);
        weights.put(Component.COMPLETION_RATE, 0.15);
        weights.put(Component.INTERRUPTION_RATE, 0.10);
        return weights;
    }
}
