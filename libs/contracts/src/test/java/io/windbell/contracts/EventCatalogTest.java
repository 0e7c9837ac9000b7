package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The registry matches the architecture's event catalog and every type ships its schema and example. */
class EventCatalogTest {

    /** The catalog table of architecture.md, spelled out independently of the code under test. */
    private static final Map<String, List<String>> ARCHITECTURE = Map.of("cx.touchpoint-events.v1",
            List.of("touchpoint.recorded"), "cx.journey-events.v1",
            List.of("journey.started", "journey.progressed", "journey.completed", "journey.interrupted",
                    "journey.resumed"),
            "cx.survey-events.v1", List.of("survey.invited", "survey.responded", "survey.expired"),
            "cx.experience-alerts.v1",
            List.of("alert.low-score", "alert.touchpoint-degraded", "alert.touchpoint-recovered"),
            "cx.workorder-events.v1", List.of("workorder.created", "workorder.assigned", "workorder.escalated",
                    "workorder.resolved", "workorder.closed", "workorder.reopened", "workorder.sla-warning"));

    @Test
    void topicConstantsMatchTheArchitecture() {
        assertThat(Topics.TOUCHPOINT_EVENTS).isEqualTo("cx.touchpoint-events.v1");
        assertThat(Topics.JOURNEY_EVENTS).isEqualTo("cx.journey-events.v1");
        assertThat(Topics.SURVEY_EVENTS).isEqualTo("cx.survey-events.v1");
        assertThat(Topics.EXPERIENCE_ALERTS).isEqualTo("cx.experience-alerts.v1");
        assertThat(Topics.WORKORDER_EVENTS).isEqualTo("cx.workorder-events.v1");
        assertThat(Topics.all()).containsExactlyInAnyOrderElementsOf(ARCHITECTURE.keySet());
    }

    @Test
    void deadLetterTopicsAreNamedPerConsumingService() {
        assertThat(Topics.deadLetter(Topics.SURVEY_EVENTS, "workorder")).isEqualTo("cx.survey-events.v1.dlq.workorder");
    }

    @Test
    void registryListsExactlyTheCatalogTypesOnTheirTopics() {
        for (Map.Entry<String, List<String>> topic : ARCHITECTURE.entrySet()) {
            assertThat(EventType.onTopic(topic.getKey()).stream().map(EventType::type)).as(topic.getKey())
                    .containsExactlyElementsOf(topic.getValue());
        }
        assertThat(EventType.values()).hasSize(ARCHITECTURE.values().stream().mapToInt(List::size).sum());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadRecordDeclaresItsTypeAndTopic(EventType type) throws ReflectiveOperationException {
        Class<?> payload = type.payloadClass();
        assertThat(payload.isRecord()).as("%s is a record", payload).isTrue();
        assertThat(payload.getField("TYPE").get(null)).isEqualTo(type.type());
        assertThat(payload.getField("TOPIC").get(null)).isEqualTo(type.topic());
        assertThat(payload.getPackageName()).isEqualTo("io.windbell.contracts." + type.type().split("\\.")[0]);
        assertThat(EventType.of(type.type())).isSameAs(type);
        assertThat(type.dataSchema()).isEqualTo("urn:windbell:schema:" + type.type() + ":v1");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeShipsASchemaAndAnExample(EventType type) {
        assertThat(ContractResources.exists(type.schemaResource())).as(type.schemaResource()).isTrue();
        assertThat(ContractResources.exists(type.exampleResource())).as(type.exampleResource()).isTrue();
    }

    @Test
    void noSchemaOrExampleWithoutARegisteredType() {
        List<String> expected = Arrays.stream(EventType.values())
                .flatMap(t -> Stream.of(t.schemaResource(), t.exampleResource())).toList();
        List<String> shipped = Stream.of("schemas", "schemas/examples")
                .flatMap(dir -> listFiles(dir).stream().map(name -> dir + "/" + name)).toList();
        assertThat(shipped).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void keyFieldOfTheExampleIsThePartitionKey(EventType type) {
        EventPayload example = EventJson.example(type);
        JsonNode json = ContractResources.exampleJson(type);
        String key = json.at("/" + type.keyField().replace('.', '/')).asText();
        assertThat(example.partitionKey()).isNotBlank().isEqualTo(key);
        assertThat(EventType.of(example)).isSameAs(type);
    }

    @Test
    void headersOfAPayloadCarryTypeSubjectAndSchema() {
        EventPayload payload = EventJson.example(EventType.JOURNEY_INTERRUPTED);
        Map<String, String> headers = CloudEvents.headers("0b6f4c2e-5f0a-4f53-9a43-6a8e0f6c1d27",
                CloudEvents.source("journey"), Instant.parse("2025-11-18T12:41:05Z"), payload);
        assertThat(headers).containsEntry(CloudEvents.TYPE_HEADER, "journey.interrupted")
                .containsEntry(CloudEvents.SUBJECT_HEADER, "C0755003318207")
                .containsEntry(CloudEvents.SOURCE_HEADER, "/windbell/journey")
                .containsEntry(CloudEvents.DATASCHEMA_HEADER, "urn:windbell:schema:journey.interrupted:v1")
                .containsEntry(CloudEvents.CONTENT_TYPE_HEADER, "application/json");
    }

    @Test
    void unknownTypesAreRejected() {
        assertThat(EventType.find("journey.teleported")).isEmpty();
        assertThatThrownBy(() -> EventType.of("journey.teleported")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> listFiles(String dir) {
        URL url = EventCatalogTest.class.getClassLoader().getResource(dir);
        assertThat(url).as(dir).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
