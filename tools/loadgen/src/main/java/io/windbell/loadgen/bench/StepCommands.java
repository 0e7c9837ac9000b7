package io.windbell.loadgen.bench;

import java.util.Map;

/** The step subcommands of {@code loadgen bench} (filled in as bench.py's are ported). */
final class StepCommands {

    private StepCommands() {
    }

    static Map<String, BenchCommand> all() {
        return Map.of();
    }
}
