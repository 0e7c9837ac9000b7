package io.windbell.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.windbell.testing.ServerSource.PostgresServer;

/** Environment in, choice of servers out: no server is started and no Docker engine is asked. */
class ServerSelectionTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    private static final EmbeddedServers EMBEDDED = new EmbeddedServers();
    private static final ContainerServers CONTAINERS = new ContainerServers();

    @Test
    void withNothingSetBothServersAreEmbeddedAndDockerIsNotAsked() {
        AtomicInteger asked = new AtomicInteger();

        ServerSelection selection = ServerSelection.choose(Map.of(), () -> asked.incrementAndGet() > 0);

        assertThat(selection).isEqualTo(new ServerSelection(EMBEDDED, EMBEDDED));
        assertThat(asked).hasValue(0);
    }

    @Test
    void embeddedIsTheDefaultForABlankValueToo() {
        assertThat(ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", " "), NO_DOCKER))
                .isEqualTo(new ServerSelection(EMBEDDED, EMBEDDED));
        assertThat(ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "embedded"), NO_DOCKER))
                .isEqualTo(new ServerSelection(EMBEDDED, EMBEDDED));
    }

    @Test
    void containersWhereDockerIsAvailable() {
        assertThat(ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "containers"), DOCKER))
                .isEqualTo(new ServerSelection(CONTAINERS, CONTAINERS));
    }

    @Test
    void theModeIgnoresCaseAndSurroundingBlanks() {
        assertThat(ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", " Containers\n"), DOCKER))
                .isEqualTo(new ServerSelection(CONTAINERS, CONTAINERS));
    }

    @Test
    void containersWithoutDockerFailsAndSaysSoInsteadOfFallingBack() {
        assertThatThrownBy(() -> ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "containers"), NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WINDBELL_TEST_INFRA=containers, but Testcontainers finds no Docker engine")
                .hasMessageContaining("unset WINDBELL_TEST_INFRA to use the embedded servers");
    }

    @Test
    void anUnknownModeIsAnErrorThatListsTheKnownOnes() {
        assertThatThrownBy(() -> ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "docker"), DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WINDBELL_TEST_INFRA=docker is not one of embedded, containers, external;"
                        + " leave it unset for the embedded servers");
    }

    @Test
    void theExistingVariablesStillNameRunningServersWithoutAMode() {
        Map<String, String> env = Map.of("WINDBELL_TEST_PG_HOST", "db.ci", "WINDBELL_TEST_PG_PORT", "6432",
                "WINDBELL_TEST_PG_USER", "windbell", "WINDBELL_TEST_PG_PASSWORD", "secret",
                "WINDBELL_TEST_KAFKA_BOOTSTRAP", "kafka.ci:9092");

        ServerSelection selection = ServerSelection.choose(env, NO_DOCKER);

        ExternalServers external = new ExternalServers(new PostgresServer("db.ci", 6432, "windbell", "secret"),
                "kafka.ci:9092");
        assertThat(selection).isEqualTo(new ServerSelection(external, external));
        assertThat(selection.postgres().postgres()).isEqualTo(new PostgresServer("db.ci", 6432, "windbell", "secret"));
        assertThat(selection.kafka().kafka()).isEqualTo("kafka.ci:9092");
    }

    @Test
    void aNamedPostgresDefaultsToPort5432AndThePostgresUserWithoutPassword() {
        ServerSelection selection = ServerSelection.choose(Map.of("WINDBELL_TEST_PG_HOST", "localhost"), NO_DOCKER);

        assertThat(selection.postgres().postgres()).isEqualTo(new PostgresServer("localhost", 5432, "postgres", ""));
    }

    @Test
    void aServerNamedByItsVariableIsUsedAndTheOtherComesFromTheMode() {
        ServerSelection embeddedKafka = ServerSelection.choose(Map.of("WINDBELL_TEST_PG_HOST", "localhost"), NO_DOCKER);
        assertThat(embeddedKafka.postgres()).isInstanceOf(ExternalServers.class);
        assertThat(embeddedKafka.kafka()).isEqualTo(EMBEDDED);

        ServerSelection containerPostgres = ServerSelection.choose(
                Map.of("WINDBELL_TEST_INFRA", "containers", "WINDBELL_TEST_KAFKA_BOOTSTRAP", "localhost:9092"), DOCKER);
        assertThat(containerPostgres.postgres()).isEqualTo(CONTAINERS);
        assertThat(containerPostgres.kafka()).isEqualTo(new ExternalServers(null, "localhost:9092"));
    }

    @Test
    void containersForWhatIsNotNamedStillNeedsDocker() {
        assertThatThrownBy(() -> ServerSelection
                .choose(Map.of("WINDBELL_TEST_INFRA", "containers", "WINDBELL_TEST_PG_HOST", "localhost"), NO_DOCKER))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Docker engine");
    }

    @Test
    void containersWithBothServersNamedDoesNotNeedDocker() {
        ServerSelection selection = ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "containers",
                "WINDBELL_TEST_PG_HOST", "localhost", "WINDBELL_TEST_KAFKA_BOOTSTRAP", "localhost:9092"), NO_DOCKER);

        assertThat(selection.postgres()).isInstanceOf(ExternalServers.class);
        assertThat(selection.kafka()).isInstanceOf(ExternalServers.class);
    }

    @Test
    void externalNeedsBothServersNamed() {
        assertThatThrownBy(() -> ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "external"), DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("not set: WINDBELL_TEST_PG_HOST, WINDBELL_TEST_KAFKA_BOOTSTRAP");
        assertThatThrownBy(() -> ServerSelection
                .choose(Map.of("WINDBELL_TEST_INFRA", "external", "WINDBELL_TEST_PG_HOST", "localhost"), DOCKER))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageEndingWith("not set: WINDBELL_TEST_KAFKA_BOOTSTRAP");
    }

    @Test
    void externalWithBothServersNamedUsesThem() {
        ServerSelection selection = ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "external",
                "WINDBELL_TEST_PG_HOST", "localhost", "WINDBELL_TEST_KAFKA_BOOTSTRAP", "localhost:9092"), NO_DOCKER);

        assertThat(selection).isEqualTo(new ServerSelection(
                new ExternalServers(new PostgresServer("localhost", 5432, "postgres", ""), "localhost:9092"),
                new ExternalServers(new PostgresServer("localhost", 5432, "postgres", ""), "localhost:9092")));
    }

    @Test
    void aPortThatIsNotANumberIsAnError() {
        assertThatThrownBy(() -> ServerSelection
                .choose(Map.of("WINDBELL_TEST_PG_HOST", "localhost", "WINDBELL_TEST_PG_PORT", "five"), NO_DOCKER))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("WINDBELL_TEST_PG_PORT=five is not a port number");
        assertThatThrownBy(() -> ServerSelection
                .choose(Map.of("WINDBELL_TEST_PG_HOST", "localhost", "WINDBELL_TEST_PG_PORT", "70000"), NO_DOCKER))
                        .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStartUpLineSaysWhereEachServerComesFrom() {
        assertThat(
                ServerSelection.choose(Map.of("WINDBELL_TEST_KAFKA_BOOTSTRAP", "localhost:9092"), NO_DOCKER).describe())
                        .isEqualTo("PostgreSQL embedded, Kafka already running");
        assertThat(ServerSelection.choose(Map.of("WINDBELL_TEST_INFRA", "containers"), DOCKER).describe())
                .isEqualTo("PostgreSQL in a container, Kafka in a container");
    }
}
