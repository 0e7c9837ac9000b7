package io.windbell.loadgen.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The step subcommands of {@code loadgen bench}: sampling, the parsers of tool output and the per-step records
 * (bench.py's {@code sample}, {@code summarize}, {@code busy}, {@code last-json}, {@code perf-json}, {@code step-json},
 * {@code group-lag}, {@code group-assignment}, {@code journey-events-check}, {@code replicas-row}, with the same
 * arguments and output), and {@code step}, one measured step ({@link StepRunner}, bench.sh's {@code run_step}).
 */
final class StepCommands {

    private StepCommands() {
    }

    static Map<String, BenchCommand> all() {
        return Map.ofEntries(Map.entry("sample", StepCommands::sample), Map.entry("summarize", StepCommands::summarize),
                Map.entry("busy", StepCommands::busy), Map.entry("last-json", parser(StepParsers.Parser.LAST_JSON)),
                Map.entry("perf-json", parser(StepParsers.Parser.PERF_JSON)),
                Map.entry("step-json", StepCommands::stepJson),
                Map.entry("group-lag",
                        (args, out, err) -> print(out,
                                GroupAssignment.parse(StepText.read(Path.of(args.get(0)))).lagNode())),
                Map.entry("group-assignment",
                        (args, out, err) -> print(out,
                                GroupAssignment.parse(StepText.read(Path.of(args.get(0)))).toNode())),
                Map.entry("journey-events-check", StepCommands::journeyEventsCheck),
                Map.entry("replicas-row", StepCommands::replicasRow), Map.entry("step", StepRunner::command));
    }

    /** {@code journey-events-check START EVENTS}: the events file is streamed, not held (see StepText#streamLines). */
    private static int journeyEventsCheck(List<String> args, PrintStream out, PrintStream err) throws IOException {
        List<String> start = StepText.splitlines(StepText.read(Path.of(args.get(0))));
        try (Stream<String> events = StepText.streamLines(Path.of(args.get(1)))) {
            return print(out, JourneyEventsCheck.of(start, events::iterator).toNode());
        }
    }

    /** {@code print(json.dumps(value))}. */
    private static int print(PrintStream out, JsonNode value) {
        out.print(PyJson.dumps(value) + "\n");
        return 0;
    }

    /** {@code sample OUT PID...}: until the JVM is ended. */
    private static int sample(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<Long> pids = args.subList(1, args.size()).stream().map(p -> Long.parseLong(p.strip())).toList();
        Sampler.runForever(ProcStat.system(), Path.of(args.get(0)), pids);
        return 0;
    }

    /** {@code summarize OUT SKIP_S NAME...}. */
    private static int summarize(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return print(out, ResourceSummary.system().summarize(Path.of(args.get(0)), Double.parseDouble(args.get(1)),
                args.subList(2, args.size())));
    }

    /** {@code busy SECONDS OUT}: the machine's busy CPU% over SECONDS (100 = one CPU) into OUT, and printed. */
    private static int busy(List<String> args, PrintStream out, PrintStream err) throws Exception {
        double seconds = Double.parseDouble(args.get(0));
        Path file = Path.of(args.get(1));
        ProcStat proc = ProcStat.system();
        ProcStat.MachineSample a = proc.machine();
        Thread.sleep((long) (seconds * 1000));
        ProcStat.MachineSample b = proc.machine();
        double pct = PyJson.round(100.0 * (b.busy() - a.busy()) / Math.max(1, b.total() - a.total()) * proc.cpuCount(),
                1);
        ObjectNode baseline = PyJson.object();
        baseline.put("step", "baseline");
        baseline.put("seconds", seconds);
        baseline.put("machineBusyPct", pct);
        Files.writeString(file, PyJson.dumps(baseline), StandardCharsets.UTF_8);
        out.print(PyJson.repr(pct) + "\n");
        return 0;
    }

    /** {@code last-json FILE} / {@code perf-json FILE}: the parsed line, or exit 1 with bench.py's message. */
    private static BenchCommand parser(StepParsers.Parser parser) {
        return (args, out, err) -> {
            Path file = Path.of(args.get(0));
            Optional<JsonNode> parsed = parser.parse(file);
            if (parsed.isEmpty()) {
                err.print(parser.failure(file) + "\n");
                return 1;
            }
            return print(out, parsed.get());
        };
    }

    /** {@code step-json STEP COMMAND EXIT WALL_S RESULT_FILE RESOURCES_FILE}. */
    private static int stepJson(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 6) {
            throw new IllegalArgumentException("step-json STEP COMMAND EXIT WALL_S RESULT_FILE RESOURCES_FILE");
        }
        StepRecord record = StepRecord.of(args.get(0), args.get(1), Integer.parseInt(StepText.strip(args.get(2))),
                Double.parseDouble(args.get(3)), optionalPath(args.get(4)), optionalPath(args.get(5)));
        out.print(record.json() + "\n");
        return 0;
    }

    /** bench.py's {@code load(p)} reads nothing for an empty path. */
    private static Path optionalPath(String p) {
        return p.isEmpty() ? null : Path.of(p);
    }

    /** {@code replicas-row DIR LABEL K PRELOAD_JSON EXIT KILL_JSON [NAME=READY_S...]}. */
    private static int replicasRow(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return print(out,
                ReplicasRow.fromDir(Path.of(args.get(0)), args.get(1), Integer.parseInt(StepText.strip(args.get(2))),
                        Path.of(args.get(3)), Integer.parseInt(StepText.strip(args.get(4))), args.get(5),
                        args.subList(6, args.size())));
    }
}
