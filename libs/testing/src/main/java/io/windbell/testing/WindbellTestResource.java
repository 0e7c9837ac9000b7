package io.windbell.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Hands the shared {@link TestInfrastructure} to a Quarkus test: a database of its own for the service, and the Kafka
 * broker.
 * <p>
 * Use as {@code @QuarkusTestResource(value = WindbellTestResource.class, initArgs = @ResourceArg(name = "database",
 * value = "ingest"))}.
 */
public class WindbellTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "windbell";
    private boolean sharedKafka = true;

    /**
     * {@code database}: the service's database name; {@code kafka=none} leaves the broker to the test's profile (a test
     * that stops its own broker).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        sharedKafka = !"none".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String db = infra.database(database);
        return Map.of("quarkus.datasource.username", infra.pgUser(), "quarkus.datasource.password", infra.pgPassword(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(db), "quarkus.datasource.reactive.url",
                infra.reactiveUrl(db), "kafka.bootstrap.servers", infra.kafkaBootstrap(), "quarkus.devservices.enabled",
                "false");
    }

    @Override
    public void stop() {
        // shared for the whole JVM: stopped by its shutdown hook, not per test class
    }
}
