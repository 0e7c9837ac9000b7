package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class RecordCommandsTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BenchTool.run(List.of(args).subList(1, args.length),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as("exit of %s, stderr %s", List.of(args), err).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void fieldReadsTheResultByDottedPathLongestKeyFirst() throws Exception {
        Path f = dir.resolve("scoring.json");
        Files.writeString(f, """
                {"step": "s", "exitCode": 0, "result": {"perS": 5779.3, "caughtUp": true, "records": 100000,
                  "startFrom": "baseline", "touchpoints": {"records": 7}, "touchpoints.applied": 42, "none": null,
                  "latency": {"p99Ms": 12}}}
                """);
        assertThat(run("bench", "field", f.toString(), "perS")).isEqualTo("5779.3");
        assertThat(run("bench", "field", f.toString(), "caughtUp")).isEqualTo("true");
        assertThat(run("bench", "field", f.toString(), "records")).isEqualTo("100000");
        assertThat(run("bench", "field", f.toString(), "startFrom")).isEqualTo("baseline");
        assertThat(run("bench", "field", f.toString(), "touchpoints.records")).isEqualTo("7");
        assertThat(run("bench", "field", f.toString(), "touchpoints.applied")).isEqualTo("42");
        assertThat(run("bench", "field", f.toString(), "latency")).isEqualTo("{\"p99Ms\":12}");
        assertThat(run("bench", "field", f.toString(), "none")).isEmpty();
        assertThat(run("bench", "field", f.toString(), "absent.deeper")).isEmpty();
        assertThat(run("bench", "field", "--doc", f.toString(), "exitCode")).isEqualTo("0");
        assertThat(run("bench", "field", dir.resolve("missing.json").toString(), "perS")).isEmpty();
        assertThat(run("bench", "field", "--json", f.toString(), "startFrom")).isEqualTo("\"baseline\"");
        assertThat(run("bench", "field", "--json", "--doc", f.toString(), "absent")).isEqualTo("null");
    }

    @Test
    void recordTypesEachFieldByItsOperator() throws Exception {
        Path f = dir.resolve("out.json");
        run("bench", "record", f.toString(), "survey-decisions", "note=a text", "latency:={\"p99Ms\": 3.5}",
                "broken:=not json", "lag#=12", "share#=0.25", "empty#=", "rssMb@kb=262144", "zero@kb=0",
                "readyS@us=1234567", "outcomes@pairs=INVITED=10 SAMPLED_OUT=2",
                "health@checks={\"checks\":[{\"data\":{\"a.applied\":1}},{\"name\":\"x\"},{\"data\":{\"b\":\"up\"}}]}",
                "noHealth@checks=curl: refused");
        JsonNode doc = PyJson.MAPPER.readTree(f.toFile());
        assertThat(doc.get("step").asText()).isEqualTo("survey-decisions");
        assertThat(doc.get("note").asText()).isEqualTo("a text");
        assertThat(doc.get("latency").get("p99Ms").asDouble()).isEqualTo(3.5);
        assertThat(doc.get("broken").isNull()).isTrue();
        assertThat(doc.get("lag").isIntegralNumber()).isTrue();
        assertThat(doc.get("lag").asLong()).isEqualTo(12);
        assertThat(doc.get("share").asDouble()).isEqualTo(0.25);
        assertThat(doc.get("empty").isNull()).isTrue();
        assertThat(doc.get("rssMb").asDouble()).isEqualTo(256.0);
        assertThat(doc.get("zero").isNull()).isTrue();
        assertThat(doc.get("readyS").asDouble()).isEqualTo(1.23);
        assertThat(doc.get("outcomes").toString()).isEqualTo("{\"INVITED\":10,\"SAMPLED_OUT\":2}");
        assertThat(doc.get("health").toString()).isEqualTo("{\"a.applied\":1,\"b\":\"up\"}");
        assertThat(doc.get("noHealth").toString()).isEqualTo("{}");
    }

    @Test
    void roundingIsPythonsHalfToEvenOnTheBinaryValue() {
        assertThat(PyJson.round(2.675, 2)).isEqualTo(2.67); // 2.67499999... in binary, as in Python
        assertThat(PyJson.round(0.125, 2)).isEqualTo(0.12); // exact tie: to even
        assertThat(PyJson.round(1.5, 0)).isEqualTo(2.0);
    }

    @Test
    void setAddsOneTextFieldToAResultFile() throws Exception {
        Path f = dir.resolve("step.json");
        Files.writeString(f, "{\"step\": \"workorder-alerts\", \"exitCode\": 0}");
        run("bench", "set", f.toString(), "checkFailed=no work order at all");
        JsonNode doc = PyJson.MAPPER.readTree(f.toFile());
        assertThat(doc.get("checkFailed").asText()).isEqualTo("no work order at all");
        assertThat(doc.get("exitCode").asInt()).isZero();
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertThat(BenchTool.run(List.of("record", "only-out"), System.out, System.err)).isEqualTo(2);
        assertThat(BenchTool.run(List.of("no-such"), System.out, System.err)).isEqualTo(2);
        assertThatThrownBy(() -> RecordCommands.Field.parse("novalue")).isInstanceOf(IllegalArgumentException.class);
    }
}
