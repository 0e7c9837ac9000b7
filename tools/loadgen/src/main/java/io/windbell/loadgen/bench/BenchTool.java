package io.windbell.loadgen.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code java -jar windbell-loadgen.jar bench <subcommand> [args]}: the orchestration {@code make bench} runs between
 * and around its steps — one measured step (run, sample, parse, record), polling a service until it has caught up or
 * settled, the parsers of tool output, the result files and the Markdown report. {@code tools/bench/bench.sh} starts
 * and stops the stack (tools/stack/lib.sh, shared with {@code make run}) and calls these.
 */
public final class BenchTool {

    private BenchTool() {
    }

    /** The subcommands by name. */
    static Map<String, BenchCommand> commands() {
        Map<String, BenchCommand> all = new TreeMap<>();
        for (Map<String, BenchCommand> group : List.of(StepCommands.all(), PollCommands.all(), ReportCommands.all(),
                RecordCommands.all())) {
            group.forEach((name, command) -> {
                if (all.putIfAbsent(name, command) != null) {
                    throw new IllegalStateException("two bench subcommands named " + name);
                }
            });
        }
        return all;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, BenchCommand> commands = commands();
        if (args.isEmpty() || !commands.containsKey(args.get(0))) {
            err.println("usage: loadgen bench <" + String.join("|", commands.keySet()) + "> [args]"
                    + (args.isEmpty() ? "" : " (unknown: " + args.get(0) + ")"));
            return 2;
        }
        try {
            int rc = commands.get(args.get(0)).run(args.subList(1, args.size()), out, err);
            out.flush();
            return rc;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            err.println("loadgen bench " + args.get(0) + ": wrong arguments: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("loadgen bench " + args.get(0) + ": " + e);
            return 1;
        }
    }
}
