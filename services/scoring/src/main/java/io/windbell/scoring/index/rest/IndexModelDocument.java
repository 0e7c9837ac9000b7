package io.windbell.scoring.index.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.config.VersionedStore.Stored;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.problem.Violation;
import io.windbell.scoring.index.Component;
import io.windbell.scoring.index.IndexModel;

/**
 * An index model version as the API reads and writes it. The read-only fields may be sent back unchanged and are
 * ignored: the server assigns them.
 */
@Schema(name = "IndexModel")
public record IndexModelDocument(
        @Schema(examples = "BANK_2025", pattern = Identifiers.SURVEY_CODE_REGEX, description = "a catalog code") String code,
        @Schema(readOnly = true, description = "assigned by the server: 1, then +1 for every change") Integer version,
        @Schema(readOnly = true, description = "whether this version is the one in force") Boolean active,
        @Schema(examples = "Retail bank index 2025") String name, @Schema(enumeration = {
                "NPS",
                "INDEX" }, description = "the top of the pyramid: the bank's NPS (default) or its index") String northStar,
        @Schema(description = "a component measured on fewer observations is dropped; default windbell.scoring.low-sample-size", examples = "30") Integer minimumSample,
        @Schema(description = "weight by component (NPS, CSAT, CES, SUCCESS_RATE, ABANDONMENT_RATE, COMPLETION_RATE, INTERRUPTION_RATE); "
                + "non-negative, at least one positive, renormalised over the components present", examples = "{\"NPS\": 0.4, \"SUCCESS_RATE\": 0.3, \"COMPLETION_RATE\": 0.3}") Map<String, Double> weights,
        @Schema(readOnly = true) Instant createdAt, @Schema(readOnly = true) String createdBy){

    static final int MAX_NAME = 200;
    static final int MAX_MINIMUM_SAMPLE = 1_000_000;
    static final double MAX_WEIGHT = 1000;

    static IndexModelDocument of(Stored<IndexModel> stored) {
        IndexModel model = stored.value();
        Map<String, Double> weights = new TreeMap<>();
        model.weights().forEach((component, weight) -> weights.put(component.name(), weight));
        return new IndexModelDocument(model.code(), model.version(), stored.active(), model.name(),
                model.northStar().name(), model.minimumSample(), weights, stored.createdAt(), stored.createdBy());
    }

    /** The violations of this document as the model {@code code}, one per field. */
    List<Violation> violations(String code) {
        List<Violation> violations = new ArrayList<>();
        if (code == null || !Identifiers.isSurveyCode(code)) {
            violations.add(new Violation("code", "must match " + Identifiers.SURVEY_CODE_REGEX));
        } else if (IndexModel.BUILT_IN_CODE.equals(code)) {
            violations.add(new Violation("code", IndexModel.BUILT_IN_CODE + " names the built-in default"));
        }
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            violations.add(new Violation("name", "1 to " + MAX_NAME + " characters when present"));
        }
        if (northStar != null && parsedNorthStar() == null) {
            violations.add(new Violation("northStar", "must be one of " + List.of(IndexModel.NorthStar.values())));
        }
        if (minimumSample != null && (minimumSample < 1 || minimumSample > MAX_MINIMUM_SAMPLE)) {
            violations.add(new Violation("minimumSample", "must be between 1 and " + MAX_MINIMUM_SAMPLE));
        }
        weightViolations(violations);
        return violations;
    }

    private void weightViolations(List<Violation> violations) {
        if (weights == null || weights.isEmpty()) {
            violations.add(new Violation("weights", "is required: a weight for at least one component"));
            return;
        }
        boolean positive = false;
        for (Map.Entry<String, Double> entry : new TreeMap<>(weights).entrySet()) {
            String field = "weights." + entry.getKey();
            Double weight = entry.getValue();
            if (Component.named(entry.getKey()) == null) {
                violations.add(new Violation(field, "is not a component: one of " + List.of(Component.values())));
            } else if (weight == null || !Double.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
                violations.add(new Violation(field, "must be a number from 0 to " + (int) MAX_WEIGHT));
            } else {
                positive |= weight > 0;
            }
        }
        if (!positive) {
            violations.add(new Violation("weights", "at least one component must weigh more than 0"));
        }
    }

    /** The candidate model (after {@link #violations} found none). */
    IndexModel toModel(String code) {
        Map<Component, Double> parsed = new EnumMap<>(Component.class);
        weights.forEach((component, weight) -> parsed.put(Component.named(component), weight));
        IndexModel.NorthStar star = northStar == null ? IndexModel.NorthStar.NPS : parsedNorthStar();
        return new IndexModel(code, 0, name, star, minimumSample, parsed);
    }

    private IndexModel.NorthStar parsedNorthStar() {
        for (IndexModel.NorthStar star : IndexModel.NorthStar.values()) {
            if (star.name().equals(northStar.trim().toUpperCase(Locale.ROOT))) {
                return star;
            }
        }
        return null;
    }
}
