package io.windbell.platform.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}; {@code violations} lists invalid fields one
 * by one, {@code extensions} carries anything else a client needs (e.g. the quarantine id).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The most violations one answer lists; the rest are only counted. */
    public static final int MAX_VIOLATIONS = 20;
    private static final String TYPE_BASE = "https://windbell.io/problems/";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A problem of a Windbell problem type, e.g. {@code of("invalid-event", "Invalid touchpoint event", 400, ..)}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of(), Map.of());
    }

    /**
     * The problem with its field violations, at most {@value #MAX_VIOLATIONS} of them: a body with 100,000 bad choices
     * must not be answered with a 99,999-entry list (the answer would cost more than the request). When some are left
     * out, the detail says how many and {@code omittedViolations} counts them.
     */
    public Problem withViolations(List<Violation> list) {
        if (list == null || list.size() <= MAX_VIOLATIONS) {
            return new Problem(type, title, status, detail, instance, list, extensions);
        }
        int omitted = list.size() - MAX_VIOLATIONS;
        String capped = (detail == null ? "" : detail + "; ") + "the first " + MAX_VIOLATIONS + " of " + list.size()
                + " violations are listed, " + omitted + " more are not";
        return new Problem(type, title, status, capped, instance, list.subList(0, MAX_VIOLATIONS), extensions)
                .with("omittedViolations", omitted);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations, extensions);
    }

    public Problem with(String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(extensions);
        copy.put(key, value);
        return new Problem(type, title, status, detail, instance, violations, copy);
    }

    @JsonAnyGetter
    Map<String, Object> anyGetter() {
        return extensions;
    }
}
