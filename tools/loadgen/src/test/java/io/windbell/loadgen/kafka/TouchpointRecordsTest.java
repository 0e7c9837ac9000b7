package io.windbell.loadgen.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.testing.ContractAssertions;

class TouchpointRecordsTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T02:00:00.123456Z");

    private static TouchpointRecorded event(String customerId, String anonymousId) {
        return new TouchpointRecorded(UUID.fromString("0b5d7c1e-4a51-4c0e-9d43-3f3a6f1f2a10"),
                OffsetDateTime.parse("2026-03-01T10:00:00.100+08:00"), null, "MOBILE_APP", "wealth.risk_assessment",
                customerId, anonymousId, "S1", Outcome.FAILURE, "RA-TIMEOUT-504", 8_400L, null, null, "WM-FUND-017",
                "zh-CN", Map.of("os", "iOS"));
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Test
    void aRecordAsIngestPublishesIt() {
        TouchpointRecorded received = TouchpointRecords.received(event("C00000042", "dev-1"), RECEIVED);
        ProducerRecord<String, byte[]> record = TouchpointRecords.of("cx.touchpoint-events.v1", received);

        assertThat(record.topic()).isEqualTo("cx.touchpoint-events.v1");
        assertThat(record.key()).isEqualTo("C00000042");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).as("the producer stamps the send time, as ingest's does").isNull();
        assertThat(record.value()).isEqualTo(EventJson.toBytes(received));
        assertThat(EventJson.read(record.value(), TouchpointRecorded.class)).isEqualTo(received);
        ContractAssertions.assertValid(EventType.TOUCHPOINT_RECORDED, record.value());

        assertThat(headers(record)).containsExactlyEntriesOf(
                CloudEvents.headers(received.eventId().toString(), "/windbell/ingest", RECEIVED, received));
        assertThat(headers(record)).containsEntry("ce_type", "touchpoint.recorded")
                .containsEntry("ce_id", "0b5d7c1e-4a51-4c0e-9d43-3f3a6f1f2a10").containsEntry("ce_subject", "C00000042")
                .containsEntry("ce_time", "2026-03-01T02:00:00.123456Z")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void anAnonymousEventIsKeyedByItsDevice() {
        ProducerRecord<String, byte[]> record = TouchpointRecords.of("t",
                TouchpointRecords.received(event(null, "dev-9"), RECEIVED));

        assertThat(record.key()).isEqualTo("dev-9");
        assertThat(headers(record)).containsEntry("ce_subject", "dev-9");
        ContractAssertions.assertValid(EventType.TOUCHPOINT_RECORDED, record.value());
    }

    @Test
    void anEventWithoutReceivedAtIsNotOneIngestPublishes() {
        assertThatThrownBy(() -> TouchpointRecords.of("t", event("C1", null))).hasMessageContaining("receivedAt");
    }
}
