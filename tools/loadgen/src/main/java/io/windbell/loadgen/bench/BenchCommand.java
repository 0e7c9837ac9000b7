package io.windbell.loadgen.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of {@code loadgen bench}: what {@code tools/bench/bench.sh} asks of the load generator between its
 * steps (sample, poll, parse, record, report). Exit codes: 0 done, 1 the work could not be done (the reason on
 * {@code err}), 2 the command line is wrong.
 */
@FunctionalInterface
public interface BenchCommand {

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
