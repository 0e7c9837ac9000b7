package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The journey, db and readiness subcommands against bench.py's on the same fake server answers with a fake clock:
 * stdout byte for byte, stderr, the exit code and the requests made (the token fetched again on a 401). Fixtures in
 * {@code bench/poll/http-*.json}, made by {@code gen_http.py}. The db subcommands run a real {@code sh} command
 * counting in a file of a new directory.
 */
class PollHttpCommandsTest {

    private static PollFakeServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new PollFakeServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What one command printed and returned. */
    record Outcome(String stdout, String stderr, int exit) {
    }

    /** Runs a poll subcommand with the token endpoint at the fake server and a fake clock. */
    static Outcome run(List<String> args) throws Exception {
        PollerTest.FakeClock clock = new PollerTest.FakeClock();
        PollCommands commands = new PollCommands(Map.of(AdminClient.TOKEN_URL, server.base() + "/token"), clock, clock);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commands.commands().get(args.get(0)).run(args.subList(1, args.size()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exit);
    }

    @TestFactory
    Stream<DynamicTest> sameAsBenchPy() throws IOException {
        JsonNode scenarios = PollerTest.resource("http-scenarios.json");
        JsonNode expected = PollerTest.resource("http-expected.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode scenario : scenarios) {
            String name = scenario.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                JsonNode python = expected.get(name);
                server.script(scenario.get("routes"));
                Path dir = Files.createTempDirectory("bench-poll");
                for (var file : scenario.path("files").properties()) {
                    Files.writeString(dir.resolve(file.getKey()), file.getValue().asText());
                }
                List<String> args = new ArrayList<>();
                scenario.get("args").forEach(
                        a -> args.add(a.asText().replace("{base}", server.base()).replace("{dir}", dir.toString())));
                Outcome outcome = run(args);
                assertThat(outcome.stdout().replace(server.base(), "{base}").replace(dir.toString(), "{dir}"))
                        .isEqualTo(python.get("stdout").asText());
                assertThat(outcome.stderr().replace(server.base(), "{base}").replace(dir.toString(), "{dir}"))
                        .isEqualTo(python.get("stderr").asText());
                assertThat(outcome.exit()).isEqualTo(python.get("exit").asInt());
                List<List<String>> requests = new ArrayList<>();
                for (JsonNode r : python.get("requests")) {
                    List<String> request = new ArrayList<>();
                    r.forEach(x -> request.add(x.isNull() ? null : x.asText()));
                    requests.add(request);
                }
                assertThat(server.requests()).isEqualTo(requests);
            }));
        }
        return tests.stream();
    }
}
