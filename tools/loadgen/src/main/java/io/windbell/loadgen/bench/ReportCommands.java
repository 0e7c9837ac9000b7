package io.windbell.loadgen.bench;

import java.util.Map;

/**
 * The report subcommands of {@code loadgen bench}: {@code report RESULTS_DIR} (the Markdown report, {@link Report}) and
 * {@code startup-json OUT SERVICE TRAINING_S CACHE_BYTES NO_CACHE_RUNS CACHE_RUNS [ORDER]} (one service's start-up
 * record, {@link StartupRecord}), ported from bench.py.
 */
final class ReportCommands {

    private ReportCommands() {
    }

    static Map<String, BenchCommand> all() {
        return Map.of("report", Report::command, "startup-json", StartupRecord::command);
    }
}
