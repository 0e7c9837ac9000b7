package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catch-up/settle engine against bench.py's {@code catch_up} and {@code settle} on the same scripted polls with the
 * same fake clock: stdout JSON byte for byte and the progress lines on stderr (fixtures in
 * {@code bench/poll/engine-*.json}, made by {@code gen_engine.py}).
 */
class PollerTest {

    /** Python's {@code time.time()} when the scenarios start. */
    static final double T0 = 1764936000.0;

    /** A clock that moves only when slept on or polled. */
    static final class FakeClock implements Poller.Clock, Poller.Sleeper {
        double now = T0;

        @Override
        public double now() {
            return now;
        }

        @Override
        public void sleep(double seconds) {
            now += seconds;
        }
    }

    /** Polls a script of counts (null: no answer), the last one repeated, each poll taking {@code pollS}. */
    static final class ScriptedProbe implements Poller.Probe {
        private final List<Long> script;
        private final FakeClock clock;
        private final double pollS;
        int polls;

        ScriptedProbe(List<Long> script, FakeClock clock, double pollS) {
            this.script = script;
            this.clock = clock;
            this.pollS = pollS;
        }

        @Override
        public OptionalLong count() {
            Long value = script.get(Math.min(polls, script.size() - 1));
            polls++;
            clock.now += pollS;
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    @TestFactory
    Stream<DynamicTest> sameAsBenchPy() throws IOException {
        JsonNode scenarios = resource("engine-scenarios.json");
        JsonNode expected = resource("engine-expected.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode scenario : scenarios) {
            String name = scenario.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                JsonNode python = expected.get(name);
                Run run = run(scenario);
                assertThat(run.stdout).isEqualTo(python.get("stdout").asText());
                assertThat(run.stderr).isEqualTo(python.get("stderr").asText());
                assertThat(run.polls).isEqualTo(python.get("polls").asInt());
            }));
        }
        return tests.stream();
    }

    @Test
    void startIsTheLastPollThatSawTheBaseline() throws InterruptedException {
        FakeClock clock = new FakeClock();
        ScriptedProbe probe = new ScriptedProbe(java.util.Arrays.asList(null, 7L, 7L, 7L, 9L, 12L, 20L), clock, 0);
        Poller.CatchUp result = new Poller(clock, clock, new PrintStream(new ByteArrayOutputStream())).catchUp(probe,
                20, 60, 7, "t", "nothing consumed");
        assertThat(result.caughtUp()).isTrue();
        assertThat(result.count()).isEqualTo(20L);
        assertThat(result.rates().startFrom()).isEqualTo("last poll that saw nothing consumed");
        // the last 7 at 0.75 s, 20 at 1.5 s: 13 records in 0.75 s
        assertThat(result.rates().consumeS()).isEqualTo(0.75);
        assertThat(result.rates().perS()).isEqualTo(17.3);
        assertThat(result.pollerS()).isEqualTo(1.5);
    }

    @Test
    void withoutAnIdlePollTheStartIsExtrapolatedBack() throws InterruptedException {
        FakeClock clock = new FakeClock();
        // nothing answers for 1 s, then 10 a poll (40/s): consumption started 1 s before the first answer of 40
        ScriptedProbe probe = new ScriptedProbe(
                java.util.Arrays.asList(null, null, null, null, 40L, 50L, 60L, 70L, 80L), clock, 0);
        Poller.CatchUp result = new Poller(clock, clock, new PrintStream(new ByteArrayOutputStream())).catchUp(probe,
                80, 60, 0, "t", "nothing consumed");
        assertThat(result.rates().startFrom()).isEqualTo("extrapolated back from the first answers");
        assertThat(result.rates().consumeS()).isEqualTo(2.0);
        assertThat(result.rates().perS()).isEqualTo(40.0);
        assertThat(result.rates().firstProgressS()).isEqualTo(1.0);
    }

    record Run(String stdout, String stderr, int polls) {
    }

    static Run run(JsonNode scenario) throws InterruptedException {
        FakeClock clock = new FakeClock();
        ScriptedProbe probe = new ScriptedProbe(expand(scenario.get("script")), clock,
                scenario.get("pollS").asDouble());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Poller poller = new Poller(clock, clock, new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout;
        if (scenario.get("kind").asText().equals("catchup")) {
            stdout = PyJson.dumps(poller.catchUp(probe, scenario.get("target").asLong(),
                    scenario.get("timeoutS").asDouble(), scenario.get("baseline").asLong(),
                    scenario.get("label").asText(), scenario.get("nothing").asText()).toJson());
        } else {
            Poller.Settled settled = poller.settle(probe, scenario.get("timeoutS").asDouble());
            stdout = PyJson.dumps(PyJson.object().put("settled", settled.settled()).put("count", settled.count())
                    .put("waitedS", settled.waitedS()));
        }
        return new Run(stdout, err.toString(StandardCharsets.UTF_8), probe.polls);
    }

    /** gen_engine.py's {@code expand}: segments of one value repeated or of Python's range. */
    static List<Long> expand(JsonNode script) {
        List<Long> values = new ArrayList<>();
        for (JsonNode segment : script) {
            if (segment.has("times")) {
                JsonNode value = segment.get("value");
                for (int i = 0; i < segment.get("times").asInt(); i++) {
                    values.add(value.isNull() ? null : value.asLong());
                }
            } else {
                long step = segment.get("step").asLong();
                for (long v = segment.get("from").asLong(); v < segment.get("to").asLong(); v += step) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = PollerTest.class.getResourceAsStream("/bench/poll/" + name)) {
            assertThat(in).as(name).isNotNull();
            return PyJson.MAPPER.readTree(in);
        }
    }
}
