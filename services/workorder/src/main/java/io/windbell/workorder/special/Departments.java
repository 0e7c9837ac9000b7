package io.windbell.workorder.special;

import java.util.Map;

/** Who owns a special task: the department of the longest touchpoint-code prefix that matches, else the default. */
public record Departments(Map<String, String> byPrefix, String fallback) {

    public Departments {
        byPrefix = Map.copyOf(byPrefix);
    }

    public static Departments of(SpecialTaskConfig config) {
        return new Departments(config.departments(), config.defaultDepartment());
    }

    public String owner(String touchpointCode) {
        if (touchpointCode == null) {
            return fallback;
        }
        String best = null;
        for (String prefix : byPrefix.keySet()) {
            if (touchpointCode.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? fallback : byPrefix.get(best);
    }
}
