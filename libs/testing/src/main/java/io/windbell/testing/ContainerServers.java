package io.windbell.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The opt-in path where a Docker engine exists ({@code WINDBELL_TEST_INFRA=containers}): the same PostgreSQL major and
 * Kafka release as the embedded servers, as Testcontainers containers. Not run on the project's own machines and CI,
 * which have no Docker engine.
 */
record ContainerServers() implements ServerSource {

    /** PostgreSQL 17, as the embedded binaries. */
    static final String POSTGRES_IMAGE = "postgres:17";
    /** The Kafka release the suite builds against ({@code kafka.version} in the root pom). */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static final String SUPERUSER = "postgres";

    /** Whether Testcontainers finds a Docker engine; asked only when containers were chosen. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public PostgresServer postgres() {
        PostgreSQLContainer pg = new PostgreSQLContainer(POSTGRES_IMAGE).withUsername(SUPERUSER).withPassword(SUPERUSER)
                .withDatabaseName(SUPERUSER).withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off",
                        "-c", "synchronous_commit=off");
        pg.start();
        Shutdown.onExit(pg::stop);
        return new PostgresServer(pg.getHost(), pg.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), SUPERUSER,
                SUPERUSER);
    }

    @Override
    public String kafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        kafka.start();
        Shutdown.onExit(kafka::stop);
        try {
            CatalogTopics.create(kafka.getBootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not create the catalog topics in the Kafka container", e);
        }
        return kafka.getBootstrapServers();
    }
}
