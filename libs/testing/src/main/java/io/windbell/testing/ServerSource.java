package io.windbell.testing;

/**
 * Where a test JVM gets its PostgreSQL and its Kafka broker from: started in the JVM ({@link EmbeddedServers}), in
 * Docker containers ({@link ContainerServers}) or already running elsewhere ({@link ExternalServers}).
 * {@link ServerSelection} picks one per server from the environment.
 */
sealed interface ServerSource permits EmbeddedServers, ContainerServers, ExternalServers {

    /** Starts (or names) a PostgreSQL server and returns how to reach it as a user that may create databases. */
    PostgresServer postgres();

    /** Starts (or names) a Kafka broker on which the event catalog's topics exist; returns its bootstrap servers. */
    String kafka();

    /** How a PostgreSQL server is reached. */
    record PostgresServer(String host, int port, String user, String password) {
    }
}
