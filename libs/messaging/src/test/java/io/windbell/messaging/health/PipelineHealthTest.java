package io.windbell.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.messaging.consumer.ConsumerLoop;
import io.windbell.messaging.outbox.OutboxRelay;

class PipelineHealthTest {

    private static final ConsumerLoop.Status RUNNING = new ConsumerLoop.Status(true, Instant.EPOCH, 12, 1, null);
    private static final OutboxRelay.Status RELAYING = new OutboxRelay.Status(true, 30, Instant.EPOCH, null);

    @Test
    void upWhileEveryConsumerAndTheRelayRunWithTheirCounters() {
        PipelineHealth health = PipelineHealth.of(List.of(RUNNING, RUNNING), RELAYING);

        assertThat(health.up()).isTrue();
        assertThat(health.counters()).containsEntry("consumer-0.applied", 12L)
                .containsEntry("consumer-1.dead-lettered", 1L).containsEntry("relay.published", 30L).hasSize(5);
        assertThat(health.errors()).isEmpty();
    }

    @Test
    void downWhenAConsumerOrTheRelayStoppedOrNoConsumerStartedAndTheLastErrorsAreShown() {
        ConsumerLoop.Status stopped = new ConsumerLoop.Status(false, Instant.EPOCH, 0, 0, "broker unreachable");
        OutboxRelay.Status failing = new OutboxRelay.Status(false, 0, null, "database down");

        assertThat(PipelineHealth.of(List.of(RUNNING, stopped), RELAYING).up()).isFalse();
        assertThat(PipelineHealth.of(List.of(RUNNING), failing).up()).isFalse();
        assertThat(PipelineHealth.of(List.of(), RELAYING).up()).isFalse();

        Map<String, String> reported = new HashMap<>();
        PipelineHealth.of(List.of(stopped), failing).report((name, value) -> reported.put(name, value.toString()),
                reported::put);
        assertThat(reported).containsEntry("consumer-0.last-error", "broker unreachable")
                .containsEntry("relay.last-error", "database down").containsEntry("consumer-0.applied", "0");
    }
}
