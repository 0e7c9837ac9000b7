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
 * The plain manifests of k8s/ are well-formed, declare the five topics and the dead-letter topics of the consuming
 * services as agreed, contain no Secret, and agree with the chart's defaults (Kafka bootstrap, PostgreSQL host, a role,
 * database and Secret for every enabled service).
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
        List<JsonNode> topics = of("KafkaTopic").stream()
                .filter(t -> !t.at("/spec/topicName").asText().contains(".dlq.")).toList();
        assertThat(topics).extracting(t -> t.at("/spec/topicName").asText())
                .containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(t.at("/spec/partitions").asInt()).isEqualTo(12);
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        });
    }

    /** {@code <topic>.dlq.<service>}: of a catalog topic, for a service of the chart, as durable as the topics. */
    @Test
    void deadLetterTopicsBelongToACatalogTopicAndAConsumingService() {
        String cluster = single("Kafka").at("/metadata/name").asText();
        List<JsonNode> dlqs = of("KafkaTopic").stream().filter(t -> t.at("/spec/topicName").asText().contains(".dlq."))
                .toList();
        assertThat(dlqs).extracting(t -> t.at("/spec/topicName").asText()).contains(
                "cx.touchpoint-events.v1.dlq.journey", "cx.journey-events.v1.dlq.survey",
                "cx.workorder-events.v1.dlq.survey");
        Map<?, ?> services = (Map<?, ?>) chartValues.get("services");
        assertThat(dlqs).allSatisfy(t -> {
            String name = t.at("/spec/topicName").asText();
            assertThat(t.at("/metadata/name").asText()).isEqualTo(name);
            String[] parts = name.split("\\.dlq\\.");
            assertThat(parts).hasSize(2);
            assertThat(TOPICS).as(name).contains(parts[0]);
            assertThat(services.containsKey(parts[1])).as(name + ": a service of the chart").isTrue();
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(t.at("/spec/partitions").asInt()).isPositive();
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(t.at("/spec/config/retention.ms").asLong()).as("time to inspect and replay")
                    .isGreaterThanOrEqualTo(604_800_000L);
        });
    }

    /**
     * Every service the chart enables with a database, and every service that consumes topics of the cluster (it has
     * dead-letter topics there, like survey, which is opt-in), has one in the cluster: ingest's from the bootstrap, the
     * others' as a managed role whose password is the service's Secret plus a Database it owns.
     */
    @Test
    void everyEnabledServiceHasItsRoleDatabaseAndSecretInTheCluster() {
        JsonNode pg = single("Cluster");
        String clusterName = pg.at("/metadata/name").asText();
        Map<?, ?> services = (Map<?, ?>) chartValues.get("services");
        var expected = new java.util.TreeSet<>(WindbellChart.enabledServices(chartValues));
        of("KafkaTopic").stream().map(t -> t.at("/spec/topicName").asText()).filter(name -> name.contains(".dlq."))
                .map(name -> name.substring(name.indexOf(".dlq.") + 5)).forEach(expected::add);
        assertThat(expected).contains("ingest", "journey", "survey");
        for (String service : expected) {
            Map<?, ?> entry = (Map<?, ?>) services.get(service);
            String secret = String.valueOf(entry.get("existingSecret"));
            if (pg.at("/spec/bootstrap/initdb/database").asText().equals(service)) {
                assertThat(pg.at("/spec/bootstrap/initdb/secret/name").asText()).isEqualTo(secret);
                continue;
            }
            assertThat(pg.at("/spec/managed/roles")).as("managed role of " + service).anySatisfy(role -> {
                assertThat(role.path("name").asText()).isEqualTo(service);
                assertThat(role.path("login").asBoolean()).isTrue();
                assertThat(role.at("/passwordSecret/name").asText()).isEqualTo(secret);
            });
            assertThat(of("Database")).as("Database of " + service).anySatisfy(db -> {
                assertThat(db.path("apiVersion").asText()).startsWith("postgresql.cnpg.io/");
                assertThat(db.at("/spec/cluster/name").asText()).isEqualTo(clusterName);
                assertThat(db.at("/spec/name").asText()).isEqualTo(service);
                assertThat(db.at("/spec/owner").asText()).isEqualTo(service);
            });
        }
        assertThat(WindbellChart.enabledServices(chartValues)).contains("ingest", "journey");
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
