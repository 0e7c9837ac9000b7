package io.windbell.loadgen.cli;

import java.util.Locale;

/** Which ingest endpoint a run posts to: one event per request, or a JSON array of events. */
public enum Kind {
    SINGLE("/v1/events"), BATCH("/v1/events/batch");

    private final String path;

    Kind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String word) throws UsageException {
        return switch (word) {
        case "single" -> SINGLE;
        case "batch" -> BATCH;
        default -> throw new UsageException("--kind must be single or batch, not '" + word + "'");
        };
    }
}
