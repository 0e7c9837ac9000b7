package io.windbell.loadgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.windbell.loadgen.sim.SimProfile;

class SettingsTest {

    private static Settings settings(String... argv) throws UsageException {
        return Settings.from(Args.parse(argv));
    }

    @Test
    void maxDefaults() throws Exception {
        Settings s = settings("max", "--kind", "batch");

        assertThat(s.command()).isEqualTo(Command.MAX);
        assertThat(s.kind()).isEqualTo(Kind.BATCH);
        assertThat(s.batchSize()).isEqualTo(50);
        assertThat(s.connections()).isEqualTo(64);
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.base().toString()).isEqualTo("http://127.0.0.1:8081");
        assertThat(s.catalog()).isEqualTo("api");
        assertThat(s.auth()).isEqualTo(Auth.NONE);
    }

    @Test
    void rateNeedsKindAndRate() throws Exception {
        assertThatThrownBy(() -> settings("rate", "--rate", "10")).hasMessageContaining("needs --kind");
        assertThatThrownBy(() -> settings("rate", "--kind", "single")).hasMessageContaining("needs --rate");
        assertThatThrownBy(() -> settings("rate", "--kind", "double", "--rate", "1"))
                .hasMessageContaining("single or batch");

        Settings s = settings("rate", "--kind", "single", "--rate", "500", "--seed", "7");
        assertThat(s.rate()).isEqualTo(500);
        assertThat(s.batchSize()).isEqualTo(1);
        assertThat(s.connections()).isEqualTo(128);
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.hardStopNanos()).isEqualTo(Duration.ofSeconds(45).toNanos());
    }

    @Test
    void simulateDefaultsAndKindFromBatchSize() throws Exception {
        Settings s = settings("simulate");
        assertThat(s.customers()).isEqualTo(2000);
        assertThat(s.rate()).isEqualTo(200);
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.warmup()).isEqualTo(Duration.ZERO);
        assertThat(s.kind()).isEqualTo(Kind.SINGLE);

        assertThat(settings("simulate", "--batch-size", "20").kind()).isEqualTo(Kind.BATCH);
    }

    @Test
    void payloadsNeedsAFileAndReadsTheCatalogWhereItCan() throws Exception {
        assertThatThrownBy(() -> settings("payloads")).hasMessageContaining("needs --out");

        Settings s = settings("payloads", "--out", "/tmp/x.jsonl");
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.catalog()).isEqualTo("auto");
    }

    @Test
    void journeysIsPacedByDefaultOrCountedAndWritesToTheLocalBroker() throws Exception {
        Settings paced = settings("journeys");
        assertThat(paced.rate()).isEqualTo(1000);
        assertThat(paced.count()).isZero();
        assertThat(paced.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(paced.customers()).isEqualTo(100_000);
        assertThat(paced.catalog()).isEqualTo("builtin");
        assertThat(paced.bootstrap().toString()).isEqualTo("127.0.0.1:19092");
        assertThat(paced.topic()).isEqualTo("cx.touchpoint-events.v1");
        assertThat(paced.profile()).isEqualTo(SimProfile.defaults(60));

        Settings counted = settings("journeys", "--count", "300000", "--bootstrap", "127.0.0.1:29092");
        assertThat(counted.count()).isEqualTo(300_000);
        assertThat(counted.rate()).isZero();
        assertThat(counted.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(counted.bootstrap().servers()).containsExactly("127.0.0.1:29092");

        assertThatThrownBy(() -> settings("journeys", "--rate", "5", "--count", "5")).hasMessageContaining("either");
        assertThatThrownBy(() -> settings("journeys", "--count", "5", "--warmup", "1s"))
                .hasMessageContaining("--warmup goes with --rate");
        assertThat(settings("journeys", "--rate", "2000", "--warmup", "30s").warmup())
                .isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> settings("journeys", "--bootstrap", "broker:9092"))
                .hasMessageContaining("refusing Kafka host 'broker'");
        assertThatThrownBy(() -> settings("journeys", "--kind", "single")).hasMessageContaining("unknown option");
    }

    @Test
    void theTrafficMixIsConfigurable() throws Exception {
        SimProfile mix = settings("simulate", "--fail-share", "0.3", "--retry-share", "0.5", "--switch-share", "0.5",
                "--abandon-share", "0.1", "--stall-share", "0", "--anonymous-share", "1", "--duplicate-share", "0.05",
                "--reorder-share", "0.1", "--time-scale", "120").profile();
        assertThat(mix.failShare()).isEqualTo(0.3);
        assertThat(mix.retryAfterFailure()).isEqualTo(0.5);
        assertThat(mix.switchAfterFailure()).isEqualTo(0.5);
        assertThat(mix.stopAfterFailure()).isZero();
        assertThat(mix.abandonShare()).isEqualTo(0.1);
        assertThat(mix.stallShare()).isZero();
        assertThat(mix.anonymousShare()).isEqualTo(1);
        assertThat(mix.duplicateShare()).isEqualTo(0.05);
        assertThat(mix.reorderShare()).isEqualTo(0.1);
        assertThat(mix.timeScale()).isEqualTo(120);

        assertThatThrownBy(() -> settings("simulate", "--fail-share", "1.5"))
                .hasMessageContaining("between 0.0 and 1.0");
        assertThatThrownBy(() -> settings("journeys", "--fail-share", "0.6", "--stall-share", "0.5"))
                .hasMessageContaining("add up to more than 1");
        assertThatThrownBy(() -> settings("journeys", "--retry-share", "0.6", "--switch-share", "0.5"))
                .hasMessageContaining("the rest stop");
        assertThatThrownBy(() -> settings("payloads", "--out", "x", "--fail-share", "0.1"))
                .hasMessageContaining("unknown option");
    }

    @Test
    void rejectsWhatDoesNotBelong() {
        assertThatThrownBy(() -> settings("max", "--kind", "single", "--rate", "5"))
                .hasMessageContaining("unknown option for 'max': --rate");
        assertThatThrownBy(() -> settings("max", "--kind", "single", "--batch-size", "5"))
                .hasMessageContaining("--batch-size goes with --kind batch");
        assertThatThrownBy(() -> settings("max", "--kind", "batch", "--batch-size", "501"))
                .hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> settings("launch")).hasMessageContaining("unknown command 'launch'");
        assertThatThrownBy(() -> settings("--seed", "1")).hasMessageContaining("no command");
    }

    @Test
    void onlyThisMachineMayBeTargeted() {
        assertThatThrownBy(() -> settings("max", "--kind", "single", "--base-url", "http://10.0.0.5:8081"))
                .hasMessageContaining("refusing host '10.0.0.5'");
        assertThatThrownBy(() -> settings("max", "--kind", "single", "--token-url", "http://idp.example.com/token",
                "--client-id", "a", "--client-secret", "b")).hasMessageContaining("refusing host");
    }

    @Test
    void tokenOrClientCredentials() throws Exception {
        assertThat(settings("max", "--kind", "single", "--token", "T").auth().token()).isEqualTo("T");

        Auth auth = settings("max", "--kind", "single", "--token-url", "http://localhost:18080/realms/windbell/t",
                "--client-id", "channel-app", "--client-secret", "S").auth();
        assertThat(auth.clientCredentials()).isTrue();
        assertThat(auth.toString()).doesNotContain("S]");

        assertThatThrownBy(
                () -> settings("max", "--kind", "single", "--token", "T", "--token-url", "http://127.0.0.1/t"))
                        .hasMessageContaining("either --token or --token-url");
        assertThatThrownBy(() -> settings("max", "--kind", "single", "--token-url", "http://127.0.0.1/t"))
                .hasMessageContaining("needs --client-id");
        assertThatThrownBy(() -> settings("max", "--kind", "single", "--client-id", "x"))
                .hasMessageContaining("go with --token-url");
    }

    @Test
    void respondDefaultsToTheLocalSurveyServiceAndTheSurveyTopic() throws Exception {
        Settings s = settings("respond", "--seed", "3");
        assertThat(s.command()).isEqualTo(Command.RESPOND);
        assertThat(s.base().toString()).isEqualTo("http://127.0.0.1:8083");
        assertThat(s.bootstrap().toString()).isEqualTo("127.0.0.1:19092");
        assertThat(s.topic()).isEqualTo("cx.survey-events.v1");
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.respond()).isEqualTo(new RespondOptions(0.6, Duration.ofSeconds(3), "windbell-loadgen-respond"));

        Settings tuned = settings("respond", "--response-rate", "0.9", "--max-delay", "500ms", "--group", "demo",
                "--duration", "2m");
        assertThat(tuned.respond()).isEqualTo(new RespondOptions(0.9, Duration.ofMillis(500), "demo"));
        assertThat(tuned.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings("simulate").respond()).isNull();
    }

    @Test
    void respondRefusesOtherMachinesAndBadValues() {
        assertThatThrownBy(() -> settings("respond", "--base-url", "http://survey.bank.example:8083"))
                .hasMessageContaining("refusing host");
        assertThatThrownBy(() -> settings("respond", "--bootstrap", "kafka.example.com:9092"))
                .hasMessageContaining("refusing Kafka host");
        assertThatThrownBy(() -> settings("respond", "--response-rate", "1.5"))
                .hasMessageContaining("between 0.0 and 1.0");
        assertThatThrownBy(() -> settings("respond", "--group", "a b")).hasMessageContaining("--group");
        assertThatThrownBy(() -> settings("respond", "--rate", "5")).hasMessageContaining("unknown option");
    }
}
