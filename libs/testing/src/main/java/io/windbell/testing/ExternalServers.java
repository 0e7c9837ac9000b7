package io.windbell.testing;

/**
 * Servers that already run, named by environment variables ({@code WINDBELL_TEST_PG_*},
 * {@code WINDBELL_TEST_KAFKA_BOOTSTRAP}); {@code null} for a server the environment does not name. Nothing is started,
 * and the catalog topics are left to whoever runs the broker.
 */
record ExternalServers(PostgresServer postgresServer, String kafkaBootstrap) implements ServerSource {

    @Override
    public PostgresServer postgres() {
        if (postgresServer == null) {
            throw new IllegalStateException("no running PostgreSQL was named (" + ServerSelection.PG_HOST + ")");
        }
        return postgresServer;
    }

    @Override
    public String kafka() {
        if (kafkaBootstrap == null) {
            throw new IllegalStateException("no running Kafka was named (" + ServerSelection.KAFKA_BOOTSTRAP + ")");
        }
        return kafkaBootstrap;
    }
}
