package io.windbell.loadgen.bench;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One measured step of the bench, in one JVM: bench.sh's {@code run_step} (which ran {@code timeout}, {@code tee},
 * {@code tail} and bench.py's sample, parser, summarize and step-json). Runs the command with its stdout in
 * {@code LOGS/bench-NAME.out} (shown live) and its stderr appended to {@code LOGS/bench-NAME.log} (shown too), samples
 * the given processes and the machine every second into {@code LOGS/bench-NAME.samples}, ends the command after the
 * timeout (SIGTERM to its process tree, SIGKILL 15 s later; exit code 124), then parses the output into
 * {@code .result}, summarizes the samples into {@code .resources} and writes {@code RESULTS/NAME.json}.
 *
 * <pre>
 * step --name NAME --timeout-s S --parser last-json|perf-json --skip-s S --logs DIR --results DIR --t0-us US
 *      [--proc LABEL=PID]... -- CMD...
 * </pre>
 */
final class StepRunner {

    /** A process to sample, as {@code --proc LABEL=PID}. */
    record Proc(String label, long pid) {
        static Proc parse(String arg) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--proc LABEL=PID, not " + arg);
            }
            return new Proc(arg.substring(0, eq), Long.parseLong(arg.substring(eq + 1)));
        }
    }

    /** The command line of {@code step}. */
    record Options(String name, String timeoutS, StepParsers.Parser parser, double skipS, Path logs, Path results,
            long t0Us, List<Proc> procs, List<String> command) {

        private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([smhd]?)");

        static Options parse(List<String> args) {
            String name = null;
            String timeout = null;
            StepParsers.Parser parser = null;
            Double skip = null;
            Path logs = null;
            Path results = null;
            Long t0 = null;
            List<Proc> procs = new ArrayList<>();
            int i = 0;
            while (i < args.size() && !args.get(i).equals("--")) {
                String option = args.get(i);
                String value = args.get(i + 1);
                switch (option) {
                case "--name" -> name = value;
                case "--timeout-s" -> timeout = value;
                case "--parser" -> parser = StepParsers.Parser.named(value);
                case "--skip-s" -> skip = Double.parseDouble(value);
                case "--logs" -> logs = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--t0-us" -> t0 = Long.parseLong(value);
                case "--proc" -> procs.add(Proc.parse(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
                }
                i += 2;
            }
            List<String> command = i < args.size() ? args.subList(i + 1, args.size()) : List.of();
            if (name == null || timeout == null || parser == null || skip == null || logs == null || results == null
                    || t0 == null || command.isEmpty()) {
                throw new IllegalArgumentException("step --name NAME --timeout-s S --parser last-json|perf-json"
                        + " --skip-s S --logs DIR --results DIR --t0-us US [--proc LABEL=PID]... -- CMD...");
            }
            timeoutMillis(timeout);
            return new Options(name, timeout, parser, skip, logs, results, t0, List.copyOf(procs),
                    List.copyOf(command));
        }

        /** The timeout in ms, 0 for none: coreutils timeout's DURATION (a number, s/m/h/d suffix; 0 disables it). */
        long timeoutMillis() {
            return timeoutMillis(timeoutS);
        }

        private static long timeoutMillis(String duration) {
            Matcher m = DURATION.matcher(duration);
            if (!m.matches()) {
                throw new IllegalArgumentException("--timeout-s " + duration + ": not a duration");
            }
            long unit = switch (m.group(2)) {
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 1_000;
            };
            return (long) Math.ceil(Double.parseDouble(m.group(1)) * unit);
        }
    }

    /** coreutils timeout's exit code when the command timed out. */
    static final int TIMED_OUT = 124;
    /** The exit code when the parser found nothing in the output of a command that succeeded. */
    static final int UNPARSED = 3;
    private static final long KILL_AFTER_S = 15;

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final ProcStat proc;
    private final Path log;
    private final Path output;
    private final Path samples;

    StepRunner(Options options, PrintStream out, PrintStream err, ProcStat proc) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.proc = proc;
        this.log = options.logs().resolve("bench-" + options.name() + ".log");
        this.output = options.logs().resolve("bench-" + options.name() + ".out");
        this.samples = options.logs().resolve("bench-" + options.name() + ".samples");
    }

    /** The {@code step} subcommand. */
    static int command(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return new StepRunner(Options.parse(args), out, err, ProcStat.system()).run();
    }

    /** The command as printed and recorded: a bearer token given with --token stays out of logs and reports. */
    static String shown(List<String> command) {
        List<String> words = new ArrayList<>();
        boolean hide = false;
        for (String word : command) {
            words.add(hide ? "<bench token>" : word);
            hide = !hide && word.equals("--token");
        }
        return String.join(" ", words);
    }

    static long nowUs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** bash's {@code say}: {@code [  12.3s] message}, seconds since T0_US truncated to one decimal. */
    void say(String message) {
        long us = nowUs() - options.t0Us();
        synchronized (out) {
            out.print(String.format("[%6ss] %s\n", (us / 1_000_000) + "." + (us / 100_000 % 10), message));
            out.flush();
        }
    }

    int run() throws Exception {
        String shown = shown(options.command());
        Files.createDirectories(options.logs());
        Files.createDirectories(options.results());
        say("step " + options.name() + ": " + shown);
        Sampler sampler = Sampler.start(proc, samples, options.procs().stream().map(Proc::pid).toList());
        long t0 = nowUs();
        Files.write(output, new byte[0]);
        int rc = execute();
        appendTo(log, Files.readAllBytes(output));
        long t1 = nowUs();
        sampler.close();
        if (rc == TIMED_OUT) {
            say("step " + options.name() + ": timed out after " + options.timeoutS() + "s");
        }
        Path parsed = options.logs().resolve("bench-" + options.name() + ".result");
        Path resources = options.logs().resolve("bench-" + options.name() + ".resources");
        if (!parse(parsed) && rc == 0) {
            rc = UNPARSED;
        }
        summarize(resources);
        StepRecord record = StepRecord.of(options.name(), shown, rc, (double) ((t1 - t0) / 1_000_000), parsed,
                resources);
        Files.writeString(options.results().resolve(options.name() + ".json"), record.json() + "\n",
                StandardCharsets.UTF_8);
        if (rc != 0) {
            say("step " + options.name() + " FAILED (exit " + rc + "), see " + log);
            return rc;
        }
        say("step " + options.name() + " done: " + stripTrailingNewlines(Files.readString(parsed)));
        return 0;
    }

    /** Runs the command under the timeout: its exit code, 124 when it timed out, 127 when it could not start. */
    private int execute() throws IOException, InterruptedException {
        // registered before the start: a SIGTERM or SIGINT to this JVM at any time ends the command's process tree
        // the start and the record of it are one step for the hook (it waits on the same monitor): a signal arriving
        // while the command is being started still finds it
        AtomicReference<Process> started = new AtomicReference<>();
        Thread stopOnExit = new Thread(() -> {
            synchronized (started) {
                Optional.ofNullable(started.get()).ifPresent(p -> destroyTree(p, false));
            }
        }, "bench-step-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            return execute(started);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private int execute(AtomicReference<Process> started) throws IOException, InterruptedException {
        Process process;
        try {
            synchronized (started) {
                process = new ProcessBuilder(options.command())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(output.toFile()).start();
                started.set(process);
            }
        } catch (IOException e) {
            String message = "step " + options.name() + ": failed to run command: " + e.getMessage() + "\n";
            appendTo(log, message.getBytes(StandardCharsets.UTF_8));
            err.print(message);
            return 127;
        }
        Thread stderr = Thread.ofPlatform().daemon().name("bench-step-stderr")
                .start(() -> copyStderr(process.getErrorStream()));
        Thread stdout = Thread.ofPlatform().daemon().name("bench-step-stdout").start(() -> followOutput(process));
        boolean timedOut = !endsWithin(process, options.timeoutMillis());
        if (timedOut) {
            destroyTree(process, false);
            if (!process.waitFor(KILL_AFTER_S, TimeUnit.SECONDS)) {
                destroyTree(process, true);
                process.waitFor();
            }
        }
        stdout.join();
        stderr.join(TimeUnit.SECONDS.toMillis(5));
        return timedOut ? TIMED_OUT : process.exitValue();
    }

    /** Whether the process ended within the timeout (0: no timeout, it is waited for). */
    private static boolean endsWithin(Process process, long timeoutMs) throws InterruptedException {
        if (timeoutMs > 0) {
            return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        }
        process.waitFor();
        return true;
    }

    /**
     * SIGTERM (or SIGKILL) to every process the command started, then to the command: the children first, so that a
     * parent still there reaps them rather than leaving orphans to an init that may not.
     */
    static void destroyTree(Process process, boolean forcibly) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        for (ProcessHandle p : tree) {
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        }
    }

    /** stderr to the log (appended) and to our stderr, as {@code tee -a LOG >&2}. */
    private void copyStderr(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in; OutputStream toLog = new FileOutputStream(log.toFile(), true)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                toLog.write(buffer, 0, n);
                toLog.flush();
                err.write(buffer, 0, n);
                err.flush();
            }
        } catch (IOException e) {
            err.print("bench step: stderr copy: " + e + "\n");
        }
    }

    /** The output file shown live, as {@code tail -f --pid}: until the command has ended and all of it is shown. */
    private void followOutput(Process process) {
        byte[] buffer = new byte[8192];
        try (InputStream in = new FileInputStream(output.toFile())) {
            while (true) {
                boolean ended = !process.isAlive();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (out) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
                if (ended) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            err.print("bench step: stdout copy: " + e + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The parser's JSON into the result file; on failure an empty file and the parser's message in the log. */
    private boolean parse(Path parsed) throws IOException {
        Optional<JsonNode> result;
        String failure;
        try {
            result = options.parser().parse(output);
            failure = options.parser().failure(output);
        } catch (IOException | RuntimeException e) {
            result = Optional.empty();
            failure = e.toString();
        }
        if (result.isPresent()) {
            Files.writeString(parsed, PyJson.dumps(result.get()) + "\n", StandardCharsets.UTF_8);
            return true;
        }
        Files.write(parsed, new byte[0]);
        appendTo(log, (failure + "\n").getBytes(StandardCharsets.UTF_8));
        return false;
    }

    /** The samples summarized into the resources file (labels in --proc order); an empty file when that fails. */
    private void summarize(Path resources) throws IOException {
        try {
            JsonNode summary = new ResourceSummary(proc.cpuCount(), ProcStat.clockTicks()).summarize(samples,
                    options.skipS(), options.procs().stream().map(Proc::label).toList());
            Files.writeString(resources, PyJson.dumps(summary) + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            Files.write(resources, new byte[0]);
        }
    }

    private static void appendTo(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
