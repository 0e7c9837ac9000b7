package io.windbell.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.windbell.testing.ServerSource.PostgresServer;

/**
 * Which {@link ServerSource} provides PostgreSQL and which provides Kafka, decided from the environment alone.
 * <ul>
 * <li>{@code WINDBELL_TEST_INFRA}: {@code embedded} (the default when unset), {@code containers} (Testcontainers; needs
 * a Docker engine) or {@code external} (both servers must be named by the variables below). Any other value is an
 * error.</li>
 * <li>{@code WINDBELL_TEST_PG_HOST} (with {@code _PORT}, {@code _USER}, {@code _PASSWORD}) and
 * {@code WINDBELL_TEST_KAFKA_BOOTSTRAP} name servers that already run; a server so named is always used, whatever the
 * mode, so one of them can be external and the other embedded or in a container.</li>
 * </ul>
 * Asking for containers without a Docker engine fails with a message that says so: it never falls back to the embedded
 * servers.
 */
record ServerSelection(ServerSource postgres, ServerSource kafka) {

    static final String MODE = "WINDBELL_TEST_INFRA";
    static final String PG_HOST = "WINDBELL_TEST_PG_HOST";
    static final String PG_PORT = "WINDBELL_TEST_PG_PORT";
    static final String PG_USER = "WINDBELL_TEST_PG_USER";
    static final String PG_PASSWORD = "WINDBELL_TEST_PG_PASSWORD";
    static final String KAFKA_BOOTSTRAP = "WINDBELL_TEST_KAFKA_BOOTSTRAP";

    /** The values {@value #MODE} takes. */
    enum Mode {
        EMBEDDED, CONTAINERS, EXTERNAL;

        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return EMBEDDED;
            }
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(mode -> mode.toString().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(MODE + "=" + value + " is not one of "
                            + Arrays.stream(values()).map(Mode::toString).collect(Collectors.joining(", "))
                            + "; leave it unset for the embedded servers"));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Chooses from {@code env}; {@code dockerAvailable} is asked only when a server is to run in a container.
     *
     * @throws IllegalArgumentException
     *             for a value that is not understood, or {@code external} without the servers named
     * @throws IllegalStateException
     *             for {@code containers} without a Docker engine
     */
    static ServerSelection choose(Map<String, String> env, BooleanSupplier dockerAvailable) {
        Mode mode = Mode.parse(env.get(MODE));
        ExternalServers named = new ExternalServers(namedPostgres(env), value(env, KAFKA_BOOTSTRAP));
        if (mode == Mode.EXTERNAL) {
            List<String> missing = new ArrayList<>();
            if (named.postgresServer() == null) {
                missing.add(PG_HOST);
            }
            if (named.kafkaBootstrap() == null) {
                missing.add(KAFKA_BOOTSTRAP);
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(MODE + "=external needs running servers named by " + PG_HOST
                        + " and " + KAFKA_BOOTSTRAP + "; not set: " + String.join(", ", missing));
            }
        }
        ServerSource rest = mode == Mode.CONTAINERS ? new ContainerServers() : new EmbeddedServers();
        ServerSelection selection = new ServerSelection(named.postgresServer() != null ? named : rest,
                named.kafkaBootstrap() != null ? named : rest);
        if ((selection.postgres() instanceof ContainerServers || selection.kafka() instanceof ContainerServers)
                && !dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException(MODE + "=containers, but Testcontainers finds no Docker engine (it logs"
                    + " the places it looked). Start Docker or point DOCKER_HOST at one, or unset " + MODE
                    + " to use the embedded servers; the tests do not fall back on their own.");
        }
        return selection;
    }

    private static PostgresServer namedPostgres(Map<String, String> env) {
        String host = value(env, PG_HOST);
        if (host == null) {
            return null;
        }
        String port = value(env, PG_PORT);
        String user = value(env, PG_USER);
        String password = value(env, PG_PASSWORD);
        return new PostgresServer(host, port == null ? 5432 : port(port), user == null ? "postgres" : user,
                password == null ? "" : password);
    }

    private static int port(String value) {
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
            throw new IllegalArgumentException(PG_PORT + "=" + value + " is not a port number");
        }
        return Integer.parseInt(value);
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** For the start-up log line: where each server comes from. */
    String describe() {
        return "PostgreSQL " + name(postgres) + ", Kafka " + name(kafka);
    }

    private static String name(ServerSource source) {
        return switch (source) {
        case EmbeddedServers e -> "embedded";
        case ContainerServers c -> "in a container";
        case ExternalServers x -> "already running";
        };
    }
}
