package io.windbell.scoring.index;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.config.VersionedStore;

/**
 * The {@code spec} column of table {@code index_model}: a model without its code and version (those are columns).
 * Weights are written by component name, sorted, so that equal models are stored as equal documents.
 */
@RegisterForReflection
public record IndexModelSpec(String name, IndexModel.NorthStar northStar, Integer minimumSample,
        Map<String, Double> weights) {

    public static final VersionedStore.Codec<IndexModel> CODEC = VersionedStore.Codec.of(IndexModelSpec.class,
            IndexModel::code, IndexModelSpec::toSpec, (code, version, active, spec) -> spec.toModel(code, version));

    static IndexModelSpec toSpec(IndexModel model) {
        Map<String, Double> weights = new TreeMap<>();
        model.weights().forEach((component, weight) -> weights.put(component.name(), weight));
        return new IndexModelSpec(model.name(), model.northStar(), model.minimumSample(), weights);
    }

    IndexModel toModel(String code, int version) {
        Map<Component, Double> parsed = new EnumMap<>(Component.class);
        if (weights != null) {
            // a component a newer release added and this one does not know is left out, not a failure to read
            weights.forEach((name, weight) -> {
                Component component = Component.named(name);
                if (component != null && weight != null) {
                    parsed.put(component, weight);
                }
            });
        }
        return new IndexModel(code, version, name, northStar == null ? IndexModel.NorthStar.NPS : northStar,
                minimumSample, parsed);
    }
}
