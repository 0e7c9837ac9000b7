package io.windbell.loadgen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.sim.JourneyEnds;
import io.windbell.testing.ContractAssertions;

class JourneyEventRecordsTest {

    private static final Instant TIME = Instant.parse("2026-11-22T06:00:00.123Z");

    @Test
    void aRecordAsJourneysOutboxRelayPublishesIt() {
        EventPayload event = new JourneyEnds(CatalogJson.builtin(), 10, 0, 1.0, 5, UUID::randomUUID).next(TIME);
        UUID id = UUID.fromString("0b5d7c1e-4a51-4c0e-9d43-3f3a6f1f2a10");
        String traceparent = JourneyEventRecords.traceparent();
        ProducerRecord<String, byte[]> record = JourneyEventRecords.of("cx.journey-events.v1", id, event, TIME,
                traceparent);

        assertThat(record.key()).isEqualTo(((JourneyInterrupted) event).journey().customerId());
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).as("the producer stamps the send time").isNull();
        assertThat(record.value()).isEqualTo(EventJson.toBytes(event));
        ContractAssertions.assertValid(EventType.JOURNEY_INTERRUPTED, record.value());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        Map<String, String> expected = new LinkedHashMap<>(
                CloudEvents.headers(id.toString(), "/windbell/journey", TIME, event));
        expected.put("traceparent", traceparent);
        assertThat(headers).containsExactlyEntriesOf(expected);
        assertThat(headers).containsEntry("ce_type", "journey.interrupted").containsEntry("ce_subject", record.key());
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
