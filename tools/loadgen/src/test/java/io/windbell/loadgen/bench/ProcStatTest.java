package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProcStat} on fixture copies of /proc files, and on this JVM's own /proc entries. */
class ProcStatTest {

    final ProcStat fixture;

    ProcStatTest() throws Exception {
        fixture = new ProcStat(StepEquivalenceTest.fixtures().resolve("proc"));
    }

    @Test
    void ticksAreUtimePlusStimeAfterTheCommandNameAndRssIsVmRss() {
        // the command name holds spaces and parentheses: the fields start after the last ')'
        assertThat(fixture.sample(4242)).isEqualTo(new ProcStat.ProcSample(1534L + 287L, 395060L));
    }

    @Test
    void aProcessThatIsGoneIsTwoNulls() {
        assertThat(fixture.sample(999_999)).isEqualTo(ProcStat.ProcSample.GONE);
    }

    @Test
    void machineBusyIsTotalOfTheFirstEightColumnsLessIdleAndIowait() throws Exception {
        long total = 10132153L + 290696 + 3084719 + 46828483 + 16683 + 0 + 25195 + 0;
        assertThat(fixture.machine()).isEqualTo(new ProcStat.MachineSample(total - 46828483 - 16683, total));
        assertThat(fixture.cpuCount()).isEqualTo(4);
    }

    @Test
    void thisJvmHasTicksAndRss() throws Exception {
        ProcStat.ProcSample own = ProcStat.system().sample(ProcessHandle.current().pid());
        assertThat(own.ticks()).isNotNull().isGreaterThan(0);
        assertThat(own.rssKb()).isNotNull().isGreaterThan(1024);
        ProcStat.MachineSample machine = ProcStat.system().machine();
        assertThat(machine.total()).isGreaterThan(machine.busy()).isGreaterThan(0);
        assertThat(ProcStat.clockTicks()).isEqualTo(100);
    }

    @Test
    void theSamplerWritesWholeJsonLinesThatSummarizeReads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("samples");
        long pid = ProcessHandle.current().pid();
        try (Sampler sampler = Sampler.start(ProcStat.system(), out, List.of(pid, 999_999L))) {
            org.awaitility.Awaitility.await().until(() -> Files.readAllLines(out).size() >= 2);
        }
        List<String> lines = Files.readAllLines(out);
        for (String line : lines) {
            var row = PyJson.parse(line);
            assertThat(row.get("procs").get(0).get(0).isIntegralNumber()).isTrue();
            assertThat(row.get("procs").get(1).get(0).isNull()).isTrue();
            assertThat(row.get("t").isDouble()).isTrue();
        }
        var summary = new ResourceSummary(4, 100).summarize(out, 0, List.of("self", "gone"));
        assertThat(summary.get("samples").intValue()).isEqualTo(lines.size());
        assertThat(summary.get("self").get("rssPeakMb").doubleValue()).isGreaterThan(1.0);
        assertThat(summary.has("gone")).isFalse();
    }
}
