package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.TouchpointRecorded;

/** The shared JSON configuration writes what the schemas describe and reads tolerantly. */
class EventJsonTest {

    private final ObjectMapper trees = new ObjectMapper();

    @Test
    void timestampsAreIsoStringsAndClientOffsetsSurvive() throws Exception {
        TouchpointRecorded event = (TouchpointRecorded) EventJson.example(EventType.TOUCHPOINT_RECORDED);
        assertThat(event.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-11-18T20:09:47+08:00"));

        JsonNode json = trees.readTree(EventJson.toJson(event));
        assertThat(json.path("occurredAt").asText()).isEqualTo("2025-11-18T20:09:47+08:00");
        assertThat(json.path("receivedAt").asText()).isEqualTo("2025-11-18T12:10:17.412Z");
    }

    @Test
    void absentOptionalFieldsAreOmittedNotNull() throws Exception {
        SurveyResponded response = (SurveyResponded) EventJson.example(EventType.SURVEY_RESPONDED);
        assertThat(response.employeeId()).isNull();

        JsonNode json = trees.readTree(EventJson.toBytes(response));
        assertThat(json.has("employeeId")).isFalse();
        assertThat(json.has("followUpOfWorkOrderId")).isFalse();
    }

    @Test
    void consumersIgnoreUnknownFieldsButContractTestsDoNot() throws Exception {
        ObjectNode json = (ObjectNode) ContractResources.exampleJson(EventType.JOURNEY_INTERRUPTED);
        json.put("addedInALaterMinorChange", true);
        byte[] bytes = trees.writeValueAsBytes(json);

        assertThat(EventJson.read(bytes, JourneyInterrupted.class).reason()).isNotNull();
        assertThatThrownBy(() -> EventJson.strictMapper().readValue(bytes, JourneyInterrupted.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void aMissingRequiredNumberIsAPoisonMessageNotAZero() {
        ObjectNode json = (ObjectNode) ContractResources.exampleJson(EventType.SURVEY_RESPONDED);
        json.remove("anchorScore");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(bytes, "survey.responded")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void listsInPayloadsAreImmutable() {
        JourneyInterrupted event = (JourneyInterrupted) EventJson.example(EventType.JOURNEY_INTERRUPTED);
        assertThatThrownBy(() -> event.journey().touchpoints().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void configureGivesAnyMapperTheSameOutput() throws Exception {
        EventPayload example = EventJson.example(EventType.WORKORDER_RESOLVED);
        String viaConfigured = EventJson.configure(new ObjectMapper()).writeValueAsString(example);
        assertThat(trees.readTree(viaConfigured)).isEqualTo(trees.readTree(EventJson.toJson(example)));
    }
}
