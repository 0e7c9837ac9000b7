package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step group's subcommands that read this machine (busy, summarize with its CPU count) through BenchTool. */
class StepCommandsTest {

    record Run(int rc, String out) {
    }

    static Run bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = BenchTool.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        return new Run(rc, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void busyWritesTheBaselineAndPrintsThePercentage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        Run run = bench("busy", "0.2", file.toString());

        assertThat(run.rc()).isZero();
        String written = Files.readString(file);
        assertThat(written).startsWith("{\"step\": \"baseline\", \"seconds\": 0.2, \"machineBusyPct\": ").endsWith("}");
        double pct = PyJson.parse(written).get("machineBusyPct").doubleValue();
        assertThat(run.out()).isEqualTo(PyJson.repr(pct) + "\n");
    }

    @Test
    void summarizeGivesTheProcessFiguresOfBenchPyWhateverTheMachine() throws Exception {
        Path dir = StepEquivalenceTest.fixtures();
        Run run = bench("summarize", dir.resolve("samples.jsonl").toString(), "0", "ingest", "journey", "kafka");

        assertThat(run.rc()).isZero();
        var actual = PyJson.parse(run.out());
        var expected = PyJson.parse(Files.readString(dir.resolve("expected/summarize.out")));
        for (String name : List.of("samples", "seconds", "ingest", "journey", "kafka")) {
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
        assertThat(actual.get("machineBusyPct").isDouble()).isTrue();
    }

    @Test
    void aParserWithNothingToParseSaysSoAndExits1(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.out");
        Files.writeString(file, "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BenchTool.run(List.of("perf-json", file.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("no ProducerPerformance summary line in " + file + "\n");
    }
}
