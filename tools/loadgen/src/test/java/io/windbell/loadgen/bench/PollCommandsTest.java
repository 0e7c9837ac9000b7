package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The poll group's registration in {@code loadgen bench}, its usage errors and a service that does not listen yet. */
class PollCommandsTest {

    @Test
    void everyPollSubcommandIsRegistered() {
        assertThat(BenchTool.commands()).containsKeys("journey-catchup", "journey-settle", "journey-get",
                "journey-reset", "db-catchup", "db-settle", "health-catchup", "health-settle", "messaging-get",
                "http-latency");
    }

    @Test
    void aCommandWithoutItsSeparatorIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BenchTool.run(List.of("db-catchup", "10", "5", "psql"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("db-catchup").contains("--");
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        int exit = BenchTool.run(List.of("journey-settle", "http://127.0.0.1:1"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isEqualTo(2);
    }

    @Test
    void connectionRefusedWhileTheServiceStartsIsNoAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closed;
        PollHttpCommandsTest.Outcome journey = PollHttpCommandsTest.run(List.of("journey-catchup", base, "10", "1"));
        assertThat(journey.exit()).isZero();
        assertThat(journey.stdout()).isEqualTo("{\"target\": 10, \"baseline\": 0, \"caughtUp\": false, \"timedOut\":"
                + " true, \"pollerS\": 1.0, \"count\": null, \"progress\": []}\n");
        assertThat(MessagingProbe.fetch(MessagingProbe.newClient(), base + "/q/health/ready")).isNull();
        assertThat(new AdminClient(base, java.util.Map.of()).call("GET", "/v1/admin/processing").status()).isZero();
    }

    @Test
    void theDbCountIsTheLastLineOfTheOutput() throws InterruptedException {
        assertThat(DbCountProbe.parse(" count\n-------\n  42 \n\n")).isEqualTo(OptionalLong.of(42));
        assertThat(DbCountProbe.parse("")).isEmpty();
        assertThat(DbCountProbe.parse("42 rows")).isEmpty();
        assertThat(new DbCountProbe(List.of("sh", "-c", "echo 5")).count()).isEqualTo(OptionalLong.of(5));
        assertThat(new DbCountProbe(List.of("sh", "-c", "echo 5; exit 3")).count()).isEmpty();
    }
}
