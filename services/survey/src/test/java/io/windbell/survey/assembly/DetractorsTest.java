package io.windbell.survey.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.contracts.survey.AnchorMetric;

class DetractorsTest {

    @ParameterizedTest(name = "{0} {1} detractor={2}")
    @CsvSource({ "NPS, 0, true", "NPS, 6, true", "NPS, 7, false", "NPS, 10, false", "NPS, -1, false", "CSAT, 1, true",
            "CSAT, 2, true", "CSAT, 3, false", "CSAT, 0, false", "CES, 4, false", "CES, 5, true", "CES, 7, true",
            "CES, 1, false", "CES, 8, false" })
    void theDetractorRangeOfEachMetric(AnchorMetric metric, int score, boolean detractor) {
        assertThat(Detractors.isDetractor(metric, score)).isEqualTo(detractor);
        assertThat(Detractors.detractorRange("Q", metric).holds(score)).isEqualTo(detractor);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "NPS, 0, 6, NPS 0..6", "CSAT, 1, 2, CSAT 1..2", "CES, 5, 7, CES 5..7" })
    void theRangeIsInsideTheMetricScale(AnchorMetric metric, int min, int max, String described) {
        assertThat(Detractors.detractorRange("Q_ANCHOR", metric))
                .isEqualTo(new SurveyQuestion.Condition("Q_ANCHOR", min, max));
        assertThat(min).isBetween(metric.min(), metric.max());
        assertThat(max).isBetween(metric.min(), metric.max());
        assertThat(Detractors.describe(metric)).isEqualTo(described);
    }
}
