package io.windbell.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The plain manifests of k8s/ are well-formed, declare the five topics as agreed, contain no Secret, and agree with the
 * chart's defaults (Kafka bootstrap, PostgreSQL host, ingest's Secret).
 */
class ClusterPrerequisitesTest {

    static final Path K8S = Path.of(System.getProperty("windbell.k8s.dir", "../k8s")).toAbsolutePath().normalize();
    static final List<String> TOPICS = List.of("cx.touchpoint-events.v1", "cx.journey-events.v1", "cx.survey-events.v1",
            "cx.experience-alerts.v1", "cx.workorder-events.v1");

    static List<JsonNode> docs = new ArrayList<>();
    static Map<String, Object> chartValues;

    @BeforeAll
    static void readManifests() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList()) {
                try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class)
                        .readValues(file.toFile())) {
                    while (it.hasNext()) {
                        JsonNode doc = it.next();
                        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                            docs.add(doc);
                        }
                    }
                }
            }
        }
        chartValues = WindbellChart.values(null);
    }

    @Test
    void everyManifestIsNamedAndInTheWindbellNamespace() {
        assertThat(docs).isNotEmpty().allSatisfy(doc -> {
            assertThat(doc.path("apiVersion").asText()).isNotBlank();
            assertThat(doc.path("kind").asText()).isNotBlank();
            assertThat(doc.at("/metadata/name").asText()).isNotBlank();
            if (!doc.path("kind").asText().equals("Namespace")) {
                assertThat(doc.at("/metadata/namespace").asText()).as(doc.at("/metadata/name").asText())
                        .isEqualTo("windbell");
            }
        });
        assertThat(of("Namespace")).singleElement()
                .satisfies(ns -> assertThat(ns.at("/metadata/name").asText()).isEqualTo("windbell"));
    }

    @Test
    void noSecretIsAManifest() {
        assertThat(of("Secret")).as("Secrets are created with kubectl create secret, the files are .example templates")
                .isEmpty();
    }

    @Test
    void theFiveTopicsWith12PartitionsThreeReplicasTwoInSync() {
        String cluster = single("Kafka").at("/metadata/name").asText();
        List<JsonNode> topics = of("KafkaTopic");
        assertThat(topics).extracting(t -> t.at("/spec/topicName").asText())
                .containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(t.at("/spec/partitions").asInt()).isEqualTo(12);
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        });
    }

    @Test
    void kafkaIsKraftWithNodePoolsAndMatchesTheChartsBootstrap() {
        JsonNode kafka = single("Kafka");
        String cluster = kafka.at("/metadata/name").asText();
        assertThat(kafka.at("/spec/zookeeper").isMissingNode()).isTrue();
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(of("KafkaNodePool")).isNotEmpty().allSatisfy(pool -> {
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(pool.at("/spec/roles").toString()).contains("controller").contains("broker");
        });
        assertThat(value("kafka", "bootstrapServers")).startsWith(cluster + "-kafka-bootstrap.windbell.svc:9092");
    }

    @Test
    void postgresIsBootstrappedWithIngestsDatabaseAndSecretTheChartUses() {
        JsonNode pg = single("Cluster");
        assertThat(pg.path("apiVersion").asText()).startsWith("postgresql.cnpg.io/");
        assertThat(pg.at("/spec/bootstrap/initdb/database").asText()).isEqualTo("ingest");
        assertThat(pg.at("/spec/bootstrap/initdb/owner").asText()).isEqualTo("ingest");
        assertThat(pg.at("/spec/bootstrap/initdb/secret/name").asText())
                .isEqualTo(value("services", "ingest", "existingSecret"));
        assertThat(value("postgresql", "host")).isEqualTo(pg.at("/metadata/name").asText() + "-rw.windbell.svc");
    }

    private static List<JsonNode> of(String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode single(String kind) {
        List<JsonNode> all = of(kind);
        assertThat(all).as(kind).hasSize(1);
        return all.get(0);
    }

    private static String value(String... path) {
        Object node = chartValues;
        for (String key : path) {
            node = ((Map<?, ?>) node).get(key);
        }
        return String.valueOf(node);
    }
}
