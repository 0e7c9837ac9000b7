package io.windbell.survey.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void theSameJourneyIsAlwaysDecidedTheSameWay() {
        UUID journey = UUID.randomUUID();
        boolean first = Sampling.sampled(0.5, "C1", journey, "R");
        for (int i = 0; i < 10; i++) {
            assertThat(Sampling.sampled(0.5, "C1", journey, "R")).isEqualTo(first);
        }
    }

    @Test
    void theShareSampledFollowsTheRate() {
        long sampled = IntStream.range(0, 20_000)
                .filter(i -> Sampling.sampled(0.3, "customer-" + i, new UUID(i, i), "RULE")).count();
        assertThat(sampled / 20_000.0).isBetween(0.28, 0.32);
    }

    @Test
    void zeroAndOneAreExact() {
        assertThat(Sampling.sampled(0.0, "C", UUID.randomUUID(), "R")).isFalse();
        assertThat(Sampling.sampled(1.0, "C", UUID.randomUUID(), "R")).isTrue();
    }
}
