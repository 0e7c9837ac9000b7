package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench sample} and {@code bench step} in a JVM of their own, ended by SIGTERM as bench.sh ends them: the
 * samples file is whole lines, and the step's command (with its children) does not outlive the JVM.
 */
class StepSignalsTest {

    @TempDir
    Path dir;

    static Process loadgen(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), "io.windbell.loadgen.LoadGen", "bench"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("loadgen.txt").toFile())
                .start();
    }

    @Test
    void sampleEndedBySigtermLeavesWholeLines() throws Exception {
        Path out = dir.resolve("samples");
        Process sampler = loadgen(dir, "sample", out.toString(), Long.toString(ProcessHandle.current().pid()),
                "999999");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(out) && Files.readString(out).lines().count() >= 2);
        sampler.destroy();
        assertThat(sampler.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String text = Files.readString(out);
        assertThat(text).endsWith("\n");
        for (String line : text.lines().toList()) {
            var row = PyJson.parse(line);
            assertThat(row.get("procs").size()).isEqualTo(2);
            assertThat(row.get("procs").get(1).get(1).isNull()).isTrue();
        }
    }

    @Test
    void stepEndedBySigtermEndsItsCommandAndItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Process step = loadgen(dir, "step", "--name", "held", "--timeout-s", "300", "--parser", "last-json", "--skip-s",
                "0", "--logs", dir.resolve("logs").toString(), "--results", dir.resolve("results").toString(),
                "--t0-us", Long.toString(StepRunner.nowUs()), "--", "sh", "-c",
                "sleep 120 & echo $! > " + pidFile + "; wait");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(child)).isPresent();

        step.destroy();
        assertThat(step.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> ended(child));
    }

    /** Gone, or a zombie (ended; reaped whenever its new parent gets to it: init here may not). */
    private static boolean ended(long pid) {
        if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
