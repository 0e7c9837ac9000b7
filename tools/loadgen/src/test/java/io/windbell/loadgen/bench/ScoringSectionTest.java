package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@link ScoringSection#metaDays} against bench.py's {@code meta_days} (the expected values are Python's). */
class ScoringSectionTest {

    private static Double days(String json) throws Exception {
        JsonNode preload = PyJson.MAPPER.readTree(json);
        return ScoringSection.metaDays(preload);
    }

    @Test
    void daysBetweenTheFirstAndLastEventRoundedHalfToEven() throws Exception {
        assertThat(days("{\"from\": \"2026-08-07 10:00:00Z\", \"to\": \"2026-12-05T10:00:00Z\"}")).isEqualTo(120.0);
        assertThat(days("{\"from\": \"2026-08-07\", \"to\": \"2026-08-08T13:00:00\"}")).isEqualTo(2.0);
        assertThat(days("{\"from\": \"2026-08-07\", \"to\": \"2026-08-08T11:59:59\"}")).isEqualTo(1.0);
    }

    @Test
    void noneWhenAnEndIsMissingOrNotADate() throws Exception {
        assertThat(days("{\"from\": \"2026-08-07\"}")).isNull();
        assertThat(days("{\"from\": \"2026-08-07\", \"to\": null}")).isNull();
        assertThat(days("{\"from\": \"2026-08-07\", \"to\": \"bad date\"}")).isNull();
        assertThat(days("{\"from\": 5, \"to\": \"2026-08-07\"}")).isNull();
    }

    @Test
    void anAwareAndANaiveEndFailAsInPython() {
        // bench.py: TypeError: can't subtract offset-naive and offset-aware datetimes
        assertThatThrownBy(() -> days("{\"from\": \"2026-08-07T10:00:00Z\", \"to\": \"2026-08-08T10:00:00\"}"))
                .isInstanceOf(IllegalStateException.class);
    }
}
