package io.windbell.loadgen.bench;

import java.util.Map;

/** The poll subcommands of {@code loadgen bench} (filled in as bench.py's are ported). */
final class PollCommands {

    private PollCommands() {
    }

    static Map<String, BenchCommand> all() {
        return Map.of();
    }
}
