package io.windbell.loadgen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the bench samples from {@code /proc} (bench.py's {@code proc_sample} and {@code machine_sample}, and its
 * {@code CLK_TCK} and {@code os.cpu_count()}): CPU ticks and RSS of a process, the machine's busy and total ticks.
 * /proc rather than {@code ps %cpu}, which is the average over the process lifetime. The root is injectable so that
 * tests can read fixture copies.
 */
final class ProcStat {

    /** The CPU time (utime + stime of all threads, in clock ticks) and VmRSS (kB) of a process; nulls when gone. */
    record ProcSample(Long ticks, Long rssKb) {
        static final ProcSample GONE = new ProcSample(null, null);
    }

    /** The machine's busy ticks and total ticks (user nice system idle iowait irq softirq steal) of all CPUs. */
    record MachineSample(long busy, long total) {
    }

    private static volatile Long clockTicks;

    private final Path root;

    ProcStat(Path root) {
        this.root = root;
    }

    /** The real /proc. */
    static ProcStat system() {
        return new ProcStat(Path.of("/proc"));
    }

    /** {@code proc_sample(pid)}. */
    ProcSample sample(long pid) {
        try {
            String stat = Files.readString(root.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            int paren = stat.lastIndexOf(')');
            if (paren < 0) {
                return ProcSample.GONE;
            }
            List<String> fields = StepText.split(stat.substring(paren + 1));
            long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
            long rssKb = 0;
            for (String line : Files.readAllLines(root.resolve(pid + "/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(StepText.split(line).get(1));
                }
            }
            return new ProcSample(ticks, rssKb);
        } catch (IOException | RuntimeException e) {
            return ProcSample.GONE;
        }
    }

    /** {@code machine_sample()}: the first line of /proc/stat. */
    MachineSample machine() throws IOException {
        String first;
        try (var lines = Files.lines(root.resolve("stat"), StandardCharsets.UTF_8)) {
            first = lines.findFirst().orElse("");
        }
        List<String> words = StepText.split(first);
        long total = 0;
        long[] v = new long[Math.max(0, words.size() - 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Long.parseLong(words.get(i + 1));
        }
        for (int i = 0; i < Math.min(8, v.length); i++) {
            total += v[i];
        }
        long idle = v[3] + v[4];
        return new MachineSample(total - idle, total);
    }

    /**
     * {@code os.cpu_count()}: the CPUs of the machine (the {@code cpuN} lines of /proc/stat), not the JVM's
     * {@code availableProcessors()}, which a cgroup quota or an affinity mask can lower.
     */
    int cpuCount() {
        try (var lines = Files.lines(root.resolve("stat"), StandardCharsets.UTF_8)) {
            int n = (int) lines.filter(l -> l.length() > 3 && l.startsWith("cpu") && Character.isDigit(l.charAt(3)))
                    .count();
            return n > 0 ? n : Runtime.getRuntime().availableProcessors();
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** CLK_TCK ({@code getconf CLK_TCK}, read once; 100 when that fails, as on every Linux we run on). */
    static long clockTicks() {
        Long known = clockTicks;
        if (known == null) {
            known = readClockTicks();
            clockTicks = known;
        }
        return known;
    }

    private static long readClockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Long.parseLong(text) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
