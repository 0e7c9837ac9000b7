package io.windbell.loadgen.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;

class EventJsonTest {

    private static final TouchpointRecorded EVENT = new TouchpointRecorded(
            UUID.fromString("7d0f4a52-3c1e-4f7b-9a55-0c2f5b6e8a11"),
            OffsetDateTime.parse("2026-03-01T10:15:30.250+08:00"), Instant.parse("2026-03-01T02:15:31Z"), "MOBILE_APP",
            "wealth.risk_assessment", null, "dev-1", "S1", Outcome.FAILURE, "RISK_ASSESSMENT_TIMEOUT", 42_000L, null,
            null, "WM-FUND-017", "zh-CN", Map.of("os", "iOS"));

    @Test
    void postsWhatAChannelAppSendsIsoDatesNoNullsNoReceivedAt() throws Exception {
        JsonNode json = EventJson.mapper().readTree(EventJson.single(EVENT));

        assertThat(json.get("eventId").asText()).isEqualTo("7d0f4a52-3c1e-4f7b-9a55-0c2f5b6e8a11");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-03-01T10:15:30.25+08:00");
        assertThat(json.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(json.get("durationMs").asLong()).isEqualTo(42_000);
        assertThat(json.get("attributes").get("os").asText()).isEqualTo("iOS");
        assertThat(json.has("receivedAt")).isFalse();
        assertThat(json.has("partitionKey")).isFalse();
        assertThat(json.has("customerId")).isFalse();
        assertThat(json.has("branchId")).isFalse();
    }

    @Test
    void batchIsAnArray() throws Exception {
        JsonNode json = EventJson.mapper().readTree(EventJson.batch(List.of(EVENT, EVENT)));

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(1).get("touchpoint").asText()).isEqualTo("wealth.risk_assessment");
    }

    @Test
    void publishedShapeAddsReceivedAt() throws Exception {
        byte[] bytes = EventJson.published(EVENT, Instant.parse("2026-03-01T02:15:30.300Z"));
        JsonNode json = EventJson.mapper().readTree(bytes);

        assertThat(json.get("receivedAt").asText()).isEqualTo("2026-03-01T02:15:30.300Z");
        assertThat(json.has("partitionKey")).isFalse();
        assertThat(new String(bytes)).doesNotContain("\n");
    }

    @Test
    void restampingKeepsEverythingButTheTime() {
        OffsetDateTime later = EVENT.occurredAt().plusMinutes(5);
        TouchpointRecorded moved = EventJson.at(EVENT, later);

        assertThat(moved.occurredAt()).isEqualTo(later);
        assertThat(moved.receivedAt()).isNull();
        assertThat(moved.eventId()).isEqualTo(EVENT.eventId());
        assertThat(moved.attributes()).isEqualTo(EVENT.attributes());
    }
}
