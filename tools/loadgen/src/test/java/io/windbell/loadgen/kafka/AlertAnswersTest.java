package io.windbell.loadgen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AlertAnswersTest {

    private static final long MS = 1_000_000L;

    /** Ten alerts answered after 1..10 ms, sent at different times: nearest-rank percentiles of those ten. */
    @Test
    void matchesByAlertIdAndTakesNearestRankPercentiles() {
        Map<UUID, Long> sent = new LinkedHashMap<>();
        Map<UUID, Long> answered = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            UUID id = UUID.randomUUID();
            long at = 1_000 * MS + i * 7 * MS;
            sent.put(id, at);
            answered.put(id, at + (11 - i) * MS);
        }
        // a warm-up alert's work order is read too, but it is not measured
        answered.put(UUID.randomUUID(), 5 * MS);

        AlertAnswers.Result r = AlertAnswers.of(sent, answered, Duration.ofSeconds(30));

        assertThat(r.measured()).isEqualTo(10);
        assertThat(r.matched()).isEqualTo(10);
        assertThat(r.unanswered()).isZero();
        assertThat(r.late()).isZero();
        // ranks: p50 = ceil(5.0) = 5th = 5 ms, p90 = 9th = 9 ms, p99 = ceil(9.9) = 10th = 10 ms, max 10 ms
        assertThat(r.latencyMs()).containsExactly(Map.entry("p50", 5.0), Map.entry("p90", 9.0), Map.entry("p99", 10.0),
                Map.entry("max", 10.0));
    }

    /** Never answered, and answered after the give-up time: both unanswered, the late one counted apart. */
    @Test
    void anAnswerAfterTheGiveUpTimeIsUnansweredNotALatency() {
        UUID fast = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID never = UUID.randomUUID();
        Map<UUID, Long> sent = Map.of(fast, 0L, late, 0L, never, 0L);
        Map<UUID, Long> answered = Map.of(fast, 2_500_000L, late, 31_000 * MS);

        AlertAnswers.Result r = AlertAnswers.of(sent, answered, Duration.ofSeconds(30));

        assertThat(r.measured()).isEqualTo(3);
        assertThat(r.matched()).isEqualTo(1);
        assertThat(r.unanswered()).isEqualTo(2);
        assertThat(r.late()).isEqualTo(1);
        assertThat(r.latencyMs()).containsEntry("p50", 2.5).containsEntry("max", 2.5);
        assertThat(AlertAnswers.answered(sent, answered)).isEqualTo(2);
    }

    @Test
    void noAnswerAtAllGivesZerosNotAnError() {
        AlertAnswers.Result r = AlertAnswers.of(Map.of(UUID.randomUUID(), 0L), Map.of(), Duration.ofSeconds(30));
        assertThat(r.matched()).isZero();
        assertThat(r.unanswered()).isEqualTo(1);
        assertThat(r.latencyMs()).containsEntry("p99", 0.0);
    }

    /** Nearest rank on 200 values 1..200 ms: p50 the 100th, p90 the 180th, p99 the 198th. */
    @Test
    void percentilesOfTwoHundredValues() {
        long[] sorted = new long[200];
        for (int i = 0; i < 200; i++) {
            sorted[i] = (i + 1) * MS;
        }
        assertThat(AlertAnswers.percentileMs(sorted, 50)).isEqualTo(100.0);
        assertThat(AlertAnswers.percentileMs(sorted, 90)).isEqualTo(180.0);
        assertThat(AlertAnswers.percentileMs(sorted, 99)).isEqualTo(198.0);
        assertThat(AlertAnswers.percentileMs(sorted, 100)).isEqualTo(200.0);
    }
}
