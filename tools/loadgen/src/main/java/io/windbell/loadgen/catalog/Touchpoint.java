package io.windbell.loadgen.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One touchpoint of the ingest catalog, as {@code GET /v1/catalog/touchpoints} lists it (fields we use). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Touchpoint(String code, String name, String nameZh, String journey, Integer stepOrder, String phase,
        boolean keyNode, List<String> channels, Boolean active) {

    public Touchpoint {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Missing {@code active} means active. */
    public boolean usable() {
        return !Boolean.FALSE.equals(active) && code != null && !channels.isEmpty();
    }

    public boolean allows(String channel) {
        return channels.contains(channel);
    }
}
