package io.windbell.survey.names;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of display names: kind, code, locale to name. A name is returned only in the locale asked for;
 * falling back to another locale (or to the code) is the caller's decision.
 */
public final class DisplayNames implements Names {

    public static final DisplayNames EMPTY = new DisplayNames(Map.of());

    private final Map<Kind, Map<String, Map<String, String>>> names;

    private DisplayNames(Map<Kind, Map<String, Map<String, String>>> names) {
        this.names = names;
    }

    @Override
    public Optional<String> name(Kind kind, String code, String locale) {
        Map<String, Map<String, String>> ofKind = names.get(kind);
        if (ofKind == null || code == null) {
            return Optional.empty();
        }
        Map<String, String> byLocale = ofKind.get(code);
        return byLocale == null ? Optional.empty() : Optional.ofNullable(byLocale.get(locale));
    }

    /** Every name of one kind: code to locale to name. */
    public Map<String, Map<String, String>> all(Kind kind) {
        return names.getOrDefault(kind, Map.of());
    }

    /** How many codes have names. */
    public int size() {
        return names.values().stream().mapToInt(Map::size).sum();
    }

    /** Collects names row by row, then freezes them. */
    public static final class Builder {
        private final Map<Kind, Map<String, Map<String, String>>> names = new EnumMap<>(Kind.class);

        public Builder put(Kind kind, String code, String locale, String name) {
            names.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(code, c -> new HashMap<>()).put(locale,
                    name);
            return this;
        }

        public DisplayNames build() {
            Map<Kind, Map<String, Map<String, String>>> frozen = new EnumMap<>(Kind.class);
            names.forEach((kind, codes) -> {
                Map<String, Map<String, String>> copy = new HashMap<>();
                codes.forEach((code, byLocale) -> copy.put(code, Map.copyOf(byLocale)));
                frozen.put(kind, Map.copyOf(copy));
            });
            return new DisplayNames(java.util.Collections.unmodifiableMap(frozen));
        }
    }
}
