package io.windbell.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.windbell.contracts.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL and a real KRaft Kafka broker, started once per test JVM and shared by every test class of it.
 * <p>
 * Environment variables name servers that are already running instead: {@code WINDBELL_TEST_PG_HOST},
 * {@code WINDBELL_TEST_PG_PORT}, {@code WINDBELL_TEST_PG_USER}, {@code WINDBELL_TEST_PG_PASSWORD} and
 * {@code WINDBELL_TEST_KAFKA_BOOTSTRAP}.
 */
public final class TestInfrastructure {

    private static final String SUPERUSER = "postgres";

    private static TestInfrastructure instance;

    private final String pgHost;
    private final int pgPort;
    private final String pgUser;
    private final String pgPassword;
    private final String kafkaBootstrap;

    private TestInfrastructure(String pgHost, int pgPort, String pgUser, String pgPassword, String kafkaBootstrap) {
        this.pgHost = pgHost;
        this.pgPort = pgPort;
        this.pgUser = pgUser;
        this.pgPassword = pgPassword;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** The shared infrastructure, started on first use. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestInfrastructure start() {
        long t0 = System.nanoTime();
        String pgHost = System.getenv("WINDBELL_TEST_PG_HOST");
        String pgUser;
        String pgPassword;
        int pgPort;
        if (pgHost != null) {
            pgPort = Integer.parseInt(env("WINDBELL_TEST_PG_PORT", "5432"));
            pgUser = env("WINDBELL_TEST_PG_USER", SUPERUSER);
            pgPassword = env("WINDBELL_TEST_PG_PASSWORD", "");
        } else {
            EmbeddedPostgres pg = startPostgres();
            pgHost = "127.0.0.1";
            pgPort = pg.getPort();
            pgUser = SUPERUSER;
            pgPassword = SUPERUSER;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
        }
        String bootstrap = System.getenv("WINDBELL_TEST_KAFKA_BOOTSTRAP");
        if (bootstrap == null) {
            KafkaClusterTestKit kafka = startKafka();
            bootstrap = kafka.bootstrapServers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(kafka)));
        }
        System.out.printf("[windbell-testing] PostgreSQL on %s:%d, Kafka on %s, ready in %d ms%n", pgHost, pgPort,
                bootstrap, (System.nanoTime() - t0) / 1_000_000);
        return new TestInfrastructure(pgHost, pgPort, pgUser, pgPassword, bootstrap);
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("max_connections", "300").setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    private static KafkaClusterTestKit startKafka() {
        try {
            Path dir = Files.createTempDirectory("windbell-kafka");
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                    .setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dir).build())
                            .setConfigProp("offsets.topic.replication.factor", "1")
                            .setConfigProp("transaction.state.log.replication.factor", "1")
                            .setConfigProp("transaction.state.log.min.isr", "1").setConfigProp("num.partitions", "3")
                            .setConfigProp("auto.create.topics.enable", "true")
                            .setConfigProp("group.initial.rebalance.delay.ms", "0").build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            createCatalogTopics(kit.bootstrapServers());
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("in-JVM Kafka broker did not start", e);
        }
    }

    /**
     * Creates the five topics of the event catalog, as the local stack and the cluster's KafkaTopic resources do before
     * any service starts: a consumer that subscribes to a topic that does not exist yet may get no partitions until its
     * next metadata refresh, minutes later.
     */
    private static void createCatalogTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Topics.all().stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Creates {@code database} (owned by the test user) unless it exists; returns its name. */
    public synchronized String database(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), pgUser, pgPassword);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String pgUser() {
        return pgUser;
    }

    public String pgPassword() {
        return pgPassword;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Plain client properties for a test's own producer, consumer or admin client. */
    public Properties kafkaClientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafkaBootstrap);
        return props;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down the JVM: nothing left to tell
        }
    }
}
