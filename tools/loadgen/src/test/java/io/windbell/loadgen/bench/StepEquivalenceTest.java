package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step group's subcommands give what bench.py gives on the same files: each line of {@code bench/step/cases.tsv} is
 * run here and compared with {@code expected/NAME.out|.err|.rc}, which {@code generate_expected.py} wrote by running
 * tools/bench/bench.py (stdout byte for byte, the exit code, the message of a failure). summarize is given bench.py's
 * machine: 4 CPUs, CLK_TCK 100.
 */
class StepEquivalenceTest {

    static Path fixtures() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(StepEquivalenceTest.class.getResource("/bench/step/cases.tsv")).toURI())
                .getParent();
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        return Files.readAllLines(fixtures().resolve("cases.tsv")).stream().filter(line -> !line.isBlank())
                .map(line -> {
                    List<String> fields = List.of(line.split("\t", -1));
                    return Arguments.of(fields.get(0), fields.subList(1, fields.size()));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAsBenchPy(String name, List<String> args) throws Exception {
        Path dir = fixtures();
        List<String> resolved = new ArrayList<>();
        for (String a : args) {
            resolved.add(a.startsWith("@") ? dir.resolve(a.substring(1)).toString() : a);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            if (resolved.get(0).equals("summarize")) {
                out.print(PyJson.dumps(new ResourceSummary(4, 100).summarize(Path.of(resolved.get(1)),
                        Double.parseDouble(resolved.get(2)), resolved.subList(3, resolved.size()))) + "\n");
                rc = 0;
            } else {
                rc = BenchTool.run(resolved, out, err);
            }
        }
        Path expected = dir.resolve("expected");
        String expectedOut = Files.readString(expected.resolve(name + ".out"));
        String actualOut = stdout.toString(StandardCharsets.UTF_8);
        assertThat(rc).isEqualTo(Integer.parseInt(Files.readString(expected.resolve(name + ".rc")).strip()));
        assertThat(actualOut).isEqualTo(expectedOut);
        if (!expectedOut.isEmpty() && !expectedOut.startsWith("{\n")) {
            assertThat(PyJson.parse(actualOut)).isEqualTo(PyJson.parse(expectedOut));
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8).replace(dir + "/", ""))
                .isEqualTo(Files.readString(expected.resolve(name + ".err")));
    }
}
