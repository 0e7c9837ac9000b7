package io.windbell.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.windbell.testing.ServerSource.PostgresServer;

/**
 * Real PostgreSQL and a real Kafka broker, started once per test JVM and shared by every test class of it.
 * <p>
 * Embedded by default (zonky PostgreSQL, an in-JVM KRaft broker); {@code WINDBELL_TEST_INFRA=containers} starts them
 * with Testcontainers where a Docker engine exists, and {@code WINDBELL_TEST_PG_HOST}, {@code WINDBELL_TEST_PG_PORT},
 * {@code WINDBELL_TEST_PG_USER}, {@code WINDBELL_TEST_PG_PASSWORD} and {@code WINDBELL_TEST_KAFKA_BOOTSTRAP} name
 * servers that already run. {@link ServerSelection} has the rules.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final String pgHost;
    private final int pgPort;
    private final String pgUser;
    private final String pgPassword;
    private final String kafkaBootstrap;

    private TestInfrastructure(PostgresServer pg, String kafkaBootstrap) {
        this.pgHost = pg.host();
        this.pgPort = pg.port();
        this.pgUser = pg.user();
        this.pgPassword = pg.password();
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** The shared infrastructure, started on first use. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start(ServerSelection.choose(System.getenv(), ContainerServers::dockerAvailable));
        }
        return instance;
    }

    private static TestInfrastructure start(ServerSelection selection) {
        long t0 = System.nanoTime();
        PostgresServer pg = selection.postgres().postgres();
        String bootstrap = selection.kafka().kafka();
        System.out.printf("[windbell-testing] %s: PostgreSQL on %s:%d, Kafka on %s, ready in %d ms%n",
                selection.describe(), pg.host(), pg.port(), bootstrap, (System.nanoTime() - t0) / 1_000_000);
        return new TestInfrastructure(pg, bootstrap);
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
}
