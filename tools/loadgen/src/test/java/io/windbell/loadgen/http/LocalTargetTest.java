package io.windbell.loadgen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalTargetTest {

    @Test
    void acceptsLocalhostAndLoopback() {
        assertThat(LocalTarget.parse("http://127.0.0.1:8081")).isEqualTo(new LocalTarget("127.0.0.1", 8081, ""));
        assertThat(LocalTarget.parse("http://LOCALHOST/api/ingest/"))
                .isEqualTo(new LocalTarget("localhost", 80, "/api/ingest"));
        assertThat(LocalTarget.parse("http://localhost:9/api").uri("/v1/events")).isEqualTo("/api/v1/events");
    }

    @Test
    void refusesEverythingElse() {
        assertThatThrownBy(() -> LocalTarget.parse("http://192.168.1.10:8081")).hasMessageContaining("refusing");
        assertThatThrownBy(() -> LocalTarget.parse("http://localhost.evil.com")).hasMessageContaining("refusing");
        assertThatThrownBy(() -> LocalTarget.parse("http://127.0.0.2")).hasMessageContaining("refusing");
        assertThatThrownBy(() -> LocalTarget.parse("http://[::1]:8081")).hasMessageContaining("refusing");
        assertThatThrownBy(() -> LocalTarget.parse("https://127.0.0.1")).hasMessageContaining("only http://");
        assertThatThrownBy(() -> LocalTarget.parse("http://u:p@127.0.0.1")).hasMessageContaining("user info");
        assertThatThrownBy(() -> LocalTarget.parse("127.0.0.1:8081")).isInstanceOf(IllegalArgumentException.class);
    }
}
