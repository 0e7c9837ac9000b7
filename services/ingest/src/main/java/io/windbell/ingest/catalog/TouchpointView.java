package io.windbell.ingest.catalog;

import java.time.Instant;
import java.util.List;

/** A touchpoint as the catalog API shows it. */
public record TouchpointView(String code, String name, String nameZh, String journey, int stepOrder, String phase,
        boolean keyNode, List<String> channels, String description, boolean active, int version, Instant updatedAt) {

    static TouchpointView of(Touchpoint t) {
        return new TouchpointView(t.code, t.name, t.nameZh, t.journey, t.stepOrder, t.phase, t.keyNode,
                List.of(t.channels), t.description, t.active, t.version, t.updatedAt);
    }
}
