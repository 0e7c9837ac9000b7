package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code loadgen bench report} and {@code startup-json} against bench.py: the fixtures under
 * {@code src/test/resources/bench/report/} (result directories and the records of the startup step) and the expected
 * output bench.py wrote for them ({@code make_fixtures.py} there).
 */
class ReportCommandsTest {

    private static Path fixtures() throws URISyntaxException {
        return Path.of(ReportCommandsTest.class.getResource("/bench/report/full.md").toURI()).getParent();
    }

    /** The outcome of one {@code loadgen bench} command. */
    private record Run(int exitCode, byte[] out, String err) {
    }

    private static Run bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BenchTool.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = { "full", "small", "replicas", "failed", "edge", "missing" })
    void theReportIsByteForByteBenchPys(String fixture) throws Exception {
        Path dir = fixtures().resolve(fixture);
        Run run = bench("report", dir.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(new String(run.out(), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(fixtures().resolve(fixture + ".md"), StandardCharsets.UTF_8));
    }

    @Test
    void aMachineFileHoldingNullFailsAsBenchPyDoes(@TempDir Path dir) throws Exception {
        // bench.py: AttributeError: 'NoneType' object has no attribute 'get', exit 1
        Files.writeString(dir.resolve("machine.json"), "null");
        Run run = bench("report", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("NoneType");
    }

    @Test
    void aMissingTargetFailsAsBenchPyDoes(@TempDir Path dir) throws Exception {
        // bench.py: KeyError: 'batchEventsPerS' (a batch figure but no target), exit 1
        Files.writeString(dir.resolve("machine.json"), "{\"steps\": [\"batch\"], \"targets\": {}}");
        Files.writeString(dir.resolve("batch.json"), "{\"exitCode\": 0, \"result\": {\"eventsPerS\": 10}}");
        Run run = bench("report", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("KeyError: 'batchEventsPerS'");
    }

    @Test
    void theStartupRecordsOfTheReplicasFixtureAreBenchPys(@TempDir Path dir) throws Exception {
        // the arguments make_fixtures.py gave bench.py startup-json for these files
        Map<String, List<String>> cases = Map.of("ingest",
                List.of("41.5", "61865984", "9620:287000 9700:290000 9500:286500",
                        "6690:328704 6600:329000 6700:328000", "2"),
                "journey", List.of("", "0", "6830:237568 6900:238000", "1400:260096 1450:261000", "1"), "gateway",
                List.of("30", "31457280", "6100:168960 6050:169000 6200:170000", "4040:177152 4000:177000 4100:178000",
                        "0"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Path out = dir.resolve(c.getKey() + ".json");
            List<String> args = new ArrayList<>(List.of("startup-json", out.toString(), c.getKey()));
            args.addAll(c.getValue());
            Run run = bench(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(Files.readString(out))
                    .isEqualTo(Files.readString(fixtures().resolve("replicas/startup-" + c.getKey() + ".json")));
        }
    }

    @Test
    void theStartupJsonCasesAreBenchPys(@TempDir Path dir) throws Exception {
        Path cases = fixtures().resolve("startup-json");
        JsonNode all = PyJson.MAPPER.readTree(cases.resolve("cases.json").toFile());
        assertThat(all.size()).isEqualTo(4);
        for (Map.Entry<String, JsonNode> c : ReportJson.items(all)) {
            Path out = dir.resolve(c.getKey() + ".json");
            List<String> args = new ArrayList<>(List.of("startup-json", out.toString()));
            c.getValue().forEach(a -> args.add(a.textValue()));
            Run run = bench(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(c.getKey() + ": " + run.err()).isZero();
            assertThat(Files.readString(out)).as(c.getKey())
                    .isEqualTo(Files.readString(cases.resolve(c.getKey() + ".json")));
        }
    }

    @Test
    void aRunThatIsNotMsColonKbFailsWithoutWritingAsBenchPyDoes(@TempDir Path dir) {
        // bench.py: ValueError: not enough values to unpack, exit 1, no file
        Path out = dir.resolve("startup-x.json");
        Run run = bench("startup-json", out.toString(), "x", "1", "1", "12", "3");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isNotEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void tooFewArgumentsAreAUsageError(@TempDir Path dir) {
        Run run = bench("startup-json", dir.resolve("x.json").toString(), "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(bench("report").exitCode()).isEqualTo(2);
    }
}
