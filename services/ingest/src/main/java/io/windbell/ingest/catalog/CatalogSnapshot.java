package io.windbell.ingest.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** An immutable view of the catalog that validation reads on every event without a database round trip. */
public record CatalogSnapshot(Set<String> channels, Map<String, TouchpointRule> touchpoints, Instant loadedAt) {

    /** What validation needs to know of one touchpoint. */
    public record TouchpointRule(boolean active, Set<String> channels) {
    }

    public static final CatalogSnapshot EMPTY = new CatalogSnapshot(Set.of(), Map.of(), Instant.EPOCH);

    public CatalogSnapshot {
        channels = Set.copyOf(channels);
        touchpoints = Map.copyOf(touchpoints);
    }

    public boolean loaded() {
        return loadedAt.isAfter(Instant.EPOCH);
    }
}
