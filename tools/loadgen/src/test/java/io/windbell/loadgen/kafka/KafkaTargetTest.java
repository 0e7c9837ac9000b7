package io.windbell.loadgen.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaTargetTest {

    @Test
    void acceptsBrokersOnThisMachine() {
        assertThat(KafkaTarget.parse("127.0.0.1:29092").toString()).isEqualTo("127.0.0.1:29092");
        assertThat(KafkaTarget.parse("LOCALHOST:9092, 127.0.0.1:9093").servers()).containsExactly("localhost:9092",
                "127.0.0.1:9093");
    }

    @Test
    void refusesEveryOtherHostAndMalformedEntries() {
        assertThatThrownBy(() -> KafkaTarget.parse("kafka.bank.example:9092"))
                .hasMessageContaining("refusing Kafka host 'kafka.bank.example'");
        assertThatThrownBy(() -> KafkaTarget.parse("127.0.0.1:9092,10.0.0.7:9092"))
                .hasMessageContaining("refusing Kafka host '10.0.0.7'");
        assertThatThrownBy(() -> KafkaTarget.parse("PLAINTEXT://127.0.0.1:9092")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> KafkaTarget.parse("127.0.0.1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> KafkaTarget.parse("127.0.0.1:0")).hasMessageContaining("not a port");
        assertThatThrownBy(() -> KafkaTarget.parse("127.0.0.1:x")).hasMessageContaining("not a port");
    }
}
