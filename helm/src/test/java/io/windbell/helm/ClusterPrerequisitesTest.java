package io.windbell.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The plain manifests of k8s/ are well-formed, declare the five topics and the dead-letter topics of the consuming
 * services as agreed, give each service a Kafka user with exactly its topics, contain no Secret, and agree with the
 * chart's defaults (Kafka bootstrap, PostgreSQL host, a role, database and Secret for every enabled service).
 */
class ClusterPrerequisitesTest {

    static final Path K8S = Path.of(System.getProperty("windbell.k8s.dir", "../k8s")).toAbsolutePath().normalize();
    static final Path SERVICES = Path.of(System.getProperty("windbell.services.dir", "../services")).toAbsolutePath()
            .normalize();
    /**
     * What each service writes through its outbox (the topic of its contracts' records, not a property): the producer
     * column of k8s/README.md's topic table. ingest's topic is configured ({@code windbell.ingest.producer.topic}).
     */
    static final Map<String, String> OUTBOX_TOPICS = Map.of("journey", "cx.journey-events.v1", "survey",
            "cx.survey-events.v1", "scoring", "cx.experience-alerts.v1", "workorder", "cx.workorder-events.v1");
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
                "cx.workorder-events.v1.dlq.survey", "cx.experience-alerts.v1.dlq.workorder",
                "cx.journey-events.v1.dlq.workorder", "cx.survey-events.v1.dlq.workorder");
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
        assertThat(expected).contains("ingest", "journey", "survey", "workorder");
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
        assertThat(value("kafka", "bootstrapServers")).startsWith(cluster + "-kafka-bootstrap.windbell.svc:9093");
    }

    /**
     * No client reaches Kafka unauthenticated or unchecked: every listener is TLS with client certificates, and the ACL
     * authorizer is on.
     */
    @Test
    void kafkaListensOnlyOverTlsWithClientCertificatesAndChecksAcls() {
        JsonNode kafka = single("Kafka");
        assertThat(kafka.at("/spec/kafka/listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as(listener.path("name").asText()).isTrue();
            assertThat(listener.at("/authentication/type").asText()).as(listener.path("name").asText())
                    .isEqualTo("tls");
        });
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        assertThat(kafka.at("/spec/entityOperator/userOperator").isMissingNode()).isFalse();
    }

    /**
     * Each service is a KafkaUser (mutual TLS) whose ACLs allow exactly what its application.properties (and its
     * outbox) use: its input topics (Describe, Read), its consumer groups (Read), its output topic (Describe, Write)
     * and its dead-letter topics {@code <input>.dlq.<service>} (Describe, Write), which exist. Nothing more, no
     * wildcard: a consumer of another service's topic is refused by the broker.
     */
    @Test
    void eachServiceIsAKafkaUserAllowedExactlyItsTopics() throws IOException {
        String cluster = single("Kafka").at("/metadata/name").asText();
        List<String> topics = of("KafkaTopic").stream().map(t -> t.at("/spec/topicName").asText()).toList();
        List<String> services;
        try (Stream<Path> dirs = Files.list(SERVICES)) {
            services = dirs.filter(d -> Files.exists(d.resolve("src/main/resources/application.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(services).contains("ingest", "journey", "survey", "scoring", "workorder", "gateway");
        // a service that talks to Kafka (channels, a producer, an outbox) has its KafkaUser; the stateless gateway none
        List<String> kafkaServices = new java.util.ArrayList<>();
        for (String service : services) {
            if (OUTBOX_TOPICS.containsKey(service) || properties(service).keySet().stream()
                    .anyMatch(k -> k.startsWith("mp.messaging.") || k.startsWith("windbell.ingest.producer."))) {
                kafkaServices.add(service);
            }
        }
        assertThat(kafkaServices).doesNotContain("gateway");
        assertThat(of("KafkaUser")).extracting(u -> u.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(kafkaServices.stream().map(s -> "windbell-" + s).toList());
        for (String service : kafkaServices) {
            Map<String, String> properties = properties(service);
            String name = properties.getOrDefault("windbell.messaging.service", service);
            Map<String, Set<String>> expected = new TreeMap<>();
            properties.forEach((key, value) -> {
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    expected.put("topic:" + value, Set.of("Describe", "Read"));
                    expected.put("topic:" + value + ".dlq." + name, Set.of("Describe", "Write"));
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                    expected.put("group:" + value, Set.of("Read"));
                } else if (key.equals("windbell.ingest.producer.topic")) {
                    expected.put("topic:" + value, Set.of("Describe", "Write"));
                }
            });
            if (OUTBOX_TOPICS.containsKey(service)) {
                expected.put("topic:" + OUTBOX_TOPICS.get(service), Set.of("Describe", "Write"));
            }
            assertThat(expected).as(service + ": nothing configured").isNotEmpty();

            JsonNode user = of("KafkaUser").stream()
                    .filter(u -> u.at("/metadata/name").asText().equals("windbell-" + service)).findFirst()
                    .orElseThrow();
            assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(user.at("/spec/authentication/type").asText()).as(service).isEqualTo("tls");
            assertThat(user.at("/spec/authorization/type").asText()).as(service).isEqualTo("simple");
            Map<String, Set<String>> granted = new TreeMap<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertThat(acl.at("/resource/patternType").asText("literal")).as(service + " " + acl)
                        .isEqualTo("literal");
                assertThat(acl.path("type").asText("allow")).as(service + " " + acl).isEqualTo("allow");
                String resource = acl.at("/resource/type").asText() + ":" + acl.at("/resource/name").asText();
                Set<String> operations = new TreeSet<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                assertThat(granted.put(resource, operations)).as(service + ": " + resource + " twice").isNull();
            }
            assertThat(granted).as(service).isEqualTo(expected.entrySet().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue()), (a, b) -> a, TreeMap::new)));
            granted.keySet().stream().filter(r -> r.startsWith("topic:")).map(r -> r.substring("topic:".length()))
                    .forEach(topic -> assertThat(topics).as(service + ": declared topic").contains(topic));
        }
    }

    /** A service's application.properties without profile-specific keys ({@code %test.}, {@code %dev.}). */
    private static Map<String, String> properties(String service) throws IOException {
        Properties properties = new Properties();
        try (var in = Files
                .newInputStream(SERVICES.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Map<String, String> result = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                .forEach(k -> result.put(k, properties.getProperty(k)));
        return result;
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
