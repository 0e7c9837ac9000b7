package io.windbell.loadgen.bench;

import java.util.Map;

/** The report subcommands of {@code loadgen bench} (filled in as bench.py's are ported). */
final class ReportCommands {

    private ReportCommands() {
    }

    static Map<String, BenchCommand> all() {
        return Map.of();
    }
}
