package io.windbell.scoring.silent;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** The configured {@link RiskFormula} and limits, shared by the fold and the listing. */
@ApplicationScoped
public class SilentScoring {

    private final SilentConfig config;
    private final RiskFormula formula;

    public SilentScoring(SilentConfig config) {
        this.config = config;
        this.formula = new RiskFormula(perSignal(config.weights()), perSignal(config.caps()), config.halfLife(),
                config.scale());
    }

    public RiskFormula formula() {
        return formula;
    }

    public SilentConfig config() {
        return config;
    }

    private static Map<Signal, Double> perSignal(SilentConfig.PerSignal values) {
        Map<Signal, Double> map = new EnumMap<>(Signal.class);
        map.put(Signal.FAILURE, values.failure());
        map.put(Signal.INTERRUPTION, values.interruption());
        map.put(Signal.SLOW_KEY_STEP, values.slowKeyStep());
        map.put(Signal.ABANDONMENT, values.abandonment());
        return map;
    }
}
