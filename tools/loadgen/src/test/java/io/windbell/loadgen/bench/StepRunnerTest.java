package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code bench step} (bench.sh's run_step) with real small commands: the files it leaves and what it prints. */
class StepRunnerTest {

    @TempDir
    Path dir;

    record Run(int rc, String out, String err) {
    }

    Run step(String name, String timeoutS, String... command) {
        List<String> args = new ArrayList<>(List.of("step", "--name", name, "--timeout-s", timeoutS, "--parser",
                "last-json", "--skip-s", "0", "--logs", dir.resolve("logs").toString(), "--results",
                dir.resolve("results").toString(), "--t0-us", Long.toString(StepRunner.nowUs()), "--proc",
                "self=" + ProcessHandle.current().pid(), "--"));
        args.addAll(List.of(command));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BenchTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String log(String name, String ext) throws Exception {
        return Files.readString(dir.resolve("logs/bench-" + name + "." + ext));
    }

    JsonNode result(String name) throws Exception {
        return PyJson.parse(Files.readString(dir.resolve("results/" + name + ".json")));
    }

    @Test
    void aStepThatSucceedsLeavesItsOutputLogResultResourcesAndRecord() throws Exception {
        Run run = step("ok", "30", "sh", "-c", "echo progress >&2; echo '{\"x\":1}'");

        assertThat(run.rc()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^\\[ *\\d+\\.\\ds\\] step ok: sh -c echo progress >&2; echo '\\{\"x\":1\\}'$")
                .contains("{\"x\":1}\n").containsPattern("(?m)^\\[ *\\d+\\.\\ds\\] step ok done: \\{\"x\": 1\\}$");
        assertThat(run.err()).isEqualTo("progress\n");
        assertThat(log("ok", "out")).isEqualTo("{\"x\":1}\n");
        assertThat(log("ok", "log")).isEqualTo("progress\n{\"x\":1}\n");
        assertThat(log("ok", "result")).isEqualTo("{\"x\": 1}\n");
        assertThat(PyJson.parse(log("ok", "samples").lines().findFirst().orElseThrow()).get("procs").size())
                .isEqualTo(1);
        assertThat(PyJson.parse(log("ok", "resources")).has("samples")).isTrue();

        JsonNode record = result("ok");
        assertThat(record.get("step").textValue()).isEqualTo("ok");
        assertThat(record.get("command").textValue()).isEqualTo("sh -c echo progress >&2; echo '{\"x\":1}'");
        assertThat(record.get("exitCode").intValue()).isZero();
        assertThat(record.get("wallS").isDouble()).isTrue();
        assertThat(record.get("result")).isEqualTo(PyJson.parse("{\"x\": 1}"));
        assertThat(record.get("resources")).isEqualTo(PyJson.parse(log("ok", "resources")));
        assertThat(Files.readString(dir.resolve("results/ok.json"))).startsWith("{\n  \"step\": \"ok\",\n")
                .endsWith("}\n");
    }

    @Test
    void aStepThatExceedsItsTimeoutIsEndedWithItsChildrenAndExits124() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Run run = step("slow", "1", "sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait");

        assertThat(run.rc()).isEqualTo(124);
        assertThat(run.out()).containsPattern("(?m)^\\[ *\\d+\\.\\ds\\] step slow: timed out after 1s$")
                .containsPattern(
                        "(?m)^\\[ *\\d+\\.\\ds\\] step slow FAILED \\(exit 124\\), see .*/logs/bench-slow\\.log$");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        assertThat(log("slow", "result")).isEmpty();
        assertThat(log("slow", "log")).contains("no JSON summary line in ");
        JsonNode record = result("slow");
        assertThat(record.get("exitCode").intValue()).isEqualTo(124);
        assertThat(record.get("result").isNull()).isTrue();
    }

    @Test
    void aStepThatFailsKeepsItsExitCodeAndWhatItParsed() throws Exception {
        Run run = step("five", "30", "sh", "-c", "echo '{\"partial\": true}'; exit 5");

        assertThat(run.rc()).isEqualTo(5);
        assertThat(run.out()).containsPattern("step five FAILED \\(exit 5\\), see .*bench-five\\.log");
        JsonNode record = result("five");
        assertThat(record.get("exitCode").intValue()).isEqualTo(5);
        assertThat(record.get("result")).isEqualTo(PyJson.parse("{\"partial\": true}"));
    }

    @Test
    void aSucceedingStepWithoutASummaryIsExit3() throws Exception {
        Run run = step("nosummary", "30", "echo", "no summary");

        assertThat(run.rc()).isEqualTo(3);
        assertThat(log("nosummary", "result")).isEmpty();
        assertThat(log("nosummary", "log"))
                .isEqualTo("no summary\nno JSON summary line in " + dir.resolve("logs/bench-nosummary.out") + "\n");
        assertThat(result("nosummary").get("exitCode").intValue()).isEqualTo(3);
    }

    @Test
    void theTokenStaysOutOfWhatIsShownAndRecorded() throws Exception {
        assertThat(StepRunner.shown(List.of("loadgen", "--token", "s3cret", "--rate", "5")))
                .isEqualTo("loadgen --token <bench token> --rate 5");
        Run run = step("token", "30", "sh", "-c", "echo {}", "--token", "s3cret");
        assertThat(run.rc()).isZero();
        assertThat(run.out()).contains("step token: sh -c echo {} --token <bench token>").doesNotContain("s3cret");
        assertThat(result("token").get("command").textValue()).isEqualTo("sh -c echo {} --token <bench token>");
    }

    @Test
    void aCommandThatCannotStartIs127AndWrongArgumentsAre2() throws Exception {
        assertThat(step("missing", "30", dir.resolve("no-such-command").toString()).rc()).isEqualTo(127);
        assertThat(result("missing").get("exitCode").intValue()).isEqualTo(127);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BenchTool.run(List.of("step", "--name", "x", "--", "true"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("wrong arguments");
    }

    @Test
    void theTimeoutIsCoreutilsDuration() {
        assertThat(StepRunner.Options.parse(List.of("--name", "n", "--timeout-s", "1.5m", "--parser", "perf-json",
                "--skip-s", "2", "--logs", "l", "--results", "r", "--t0-us", "1", "--", "true")).timeoutMillis())
                        .isEqualTo(90_000);
        StepRunner.Options options = StepRunner.Options.parse(List.of("--name", "n", "--timeout-s", "0", "--parser",
                "last-json", "--skip-s", "0", "--logs", "l", "--results", "r", "--t0-us", "1", "--proc", "a=1",
                "--proc", "b=2", "--", "cmd", "--", "--name"));
        assertThat(options.timeoutMillis()).isZero();
        assertThat(options.procs()).containsExactly(new StepRunner.Proc("a", 1), new StepRunner.Proc("b", 2));
        assertThat(options.command()).containsExactly("cmd", "--", "--name");
    }
}
