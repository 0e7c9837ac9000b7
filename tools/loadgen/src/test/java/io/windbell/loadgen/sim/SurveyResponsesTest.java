package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.testing.ContractAssertions;

class SurveyResponsesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Catalog CATALOG = CatalogJson.builtin();

    private static SurveyResponses responses(int customers, double interrupted, long seed) {
        AtomicLong n = new AtomicLong();
        return new SurveyResponses(CATALOG, customers, interrupted, seed,
                () -> new UUID(0x4000L, n.incrementAndGet() | 0x8000000000000000L));
    }

    private static List<SurveyResponded> generate(SurveyResponses responses, int count) {
        List<SurveyResponded> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(responses.next(NOW.minusSeconds(60L * i)));
        }
        return all;
    }

    private static List<Answer> factors(SurveyResponded r) {
        return r.answers().stream().filter(a -> a.touchpointCode() != null).toList();
    }

    /** A score on 0..1 where 1 is the best answer (CES is inverted: 7 = very hard). */
    private static double satisfaction(QuestionType type, int score) {
        return switch (type) {
        case NPS -> score / 10.0;
        case CES -> (7 - score) / 6.0;
        default -> (score - 1) / 4.0;
        };
    }

    @Test
    void everyResponseValidatesAgainstTheContract() {
        for (SurveyResponded r : generate(responses(300, 0.3, 7), 1_000)) {
            ContractAssertions.assertValid(EventType.SURVEY_RESPONDED, EventJson.toBytes(r));
        }
    }

    @Test
    void theAnchorComesFirstThenOneToFourFactorsAboutVisitedTouchpoints() {
        for (SurveyResponded r : generate(responses(300, 0.3, 8), 2_000)) {
            Answer anchor = r.answers().getFirst();
            assertThat(anchor.type().name()).isEqualTo(r.anchorMetric().name());
            assertThat(anchor.score()).isEqualTo(r.anchorScore()).isBetween(r.anchorMetric().min(),
                    r.anchorMetric().max());
            Set<String> visited = r.journey().touchpoints().stream().map(TouchpointVisit::code)
                    .collect(Collectors.toSet());
            List<Answer> factors = factors(r);
            assertThat(factors).hasSizeBetween(1, SurveyResponses.MAX_FACTORS);
            assertThat(factors).allSatisfy(f -> assertThat(visited).contains(f.touchpointCode()));
            assertThat(factors.stream().map(Answer::touchpointCode).distinct()).hasSameSizeAs(factors);
            assertThat(r.answers().size()).isIn(1 + factors.size(), 2 + factors.size());
            assertThat(r.customerId()).isEqualTo(r.journey().customerId());
            assertThat(r.respondedAt()).isAfter(r.journey().updatedAt());
        }
    }

    /**
     * The mix follows the seeded rules: about 30% of answers are about interrupted journeys, and those are 60%
     * detractors against 20% for completed ones (respond's Sentiment shares): 0.3 x 0.6 + 0.7 x 0.2 = 0.32 detractors
     * by sentiment. The low-score share (alert thresholds) is close to it; NPS is asked after every completed journey
     * but account opening (CSAT), so it is the majority.
     */
    @Test
    void aboutAThirdAreDetractorsAndNpsIsTheMostCommonAnchor() {
        SurveyResponses responses = responses(10_000, 0.3, 11);
        List<SurveyResponded> all = generate(responses, 20_000);
        Map<AnchorMetric, Long> byMetric = all.stream()
                .collect(Collectors.groupingBy(SurveyResponded::anchorMetric, Collectors.counting()));
        assertThat(byMetric.keySet()).containsExactlyInAnyOrder(AnchorMetric.values());
        assertThat(byMetric.get(AnchorMetric.NPS)).isGreaterThan(10_000);
        long low = all.stream().filter(r -> SurveyResponses.lowScore(r.anchorMetric(), r.anchorScore())).count();
        assertThat(low).isEqualTo(responses.lowScores());
        assertThat(low / 20_000.0).isBetween(0.25, 0.38);
        long interrupted = all.stream().filter(r -> r.journey().status() == JourneyStatus.INTERRUPTED).count();
        assertThat(interrupted / 20_000.0).isBetween(0.27, 0.33);
        // an interrupted journey is surveyed with CES or CSAT, never NPS (the seeded rules)
        assertThat(all).filteredOn(r -> r.journey().status() == JourneyStatus.INTERRUPTED)
                .allSatisfy(r -> assertThat(r.anchorMetric()).isNotEqualTo(AnchorMetric.NPS));
        long withComment = all.stream()
                .filter(r -> r.answers().stream().anyMatch(a -> a.type() == QuestionType.OPEN_TEXT)).count();
        assertThat(withComment / 20_000.0).isBetween(0.2, 0.4);
        assertThat(all).filteredOn(r -> r.branchId() != null).hasSizeGreaterThan(1_000);
        assertThat(all).filteredOn(r -> r.productId() != null).hasSizeGreaterThan(1_000);
    }

    @Test
    void factorScoresFollowTheAnchor() {
        Map<Boolean, List<Double>> byLow = new HashMap<>();
        for (SurveyResponded r : generate(responses(5_000, 0.3, 12), 10_000)) {
            boolean low = SurveyResponses.lowScore(r.anchorMetric(), r.anchorScore());
            for (Answer f : factors(r)) {
                byLow.computeIfAbsent(low, k -> new ArrayList<>()).add(satisfaction(f.type(), f.score()));
            }
        }
        double lowMean = byLow.get(true).stream().mapToDouble(d -> d).average().orElseThrow();
        double otherMean = byLow.get(false).stream().mapToDouble(d -> d).average().orElseThrow();
        // detractors centre on 0.28 satisfaction, the others on 0.68-0.9 (respond's Sentiment)
        assertThat(lowMean).isLessThan(0.45);
        assertThat(otherMean).isGreaterThan(0.6);
    }

    @Test
    void theSameSeedGivesTheSameResponsesAndTheSameCustomersAsTheTouchpoints() {
        List<SurveyResponded> a = generate(responses(500, 0.3, 21), 300);
        List<SurveyResponded> b = generate(responses(500, 0.3, 21), 300);
        List<SurveyResponded> c = generate(responses(500, 0.3, 22), 300);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        Population population = new Population(500, 21);
        for (SurveyResponded r : a) {
            Customer customer = population.customer(Population.index(r.customerId()));
            assertThat(customer.id()).isEqualTo(r.customerId());
            assertThat(r.locale()).isEqualTo(customer.locale());
        }
    }

    @Test
    void lowScoresAreTheAlertThresholdsOfTheIssue() {
        assertThat(SurveyResponses.lowScore(AnchorMetric.NPS, 6)).isTrue();
        assertThat(SurveyResponses.lowScore(AnchorMetric.NPS, 7)).isFalse();
        assertThat(SurveyResponses.lowScore(AnchorMetric.CSAT, 2)).isTrue();
        assertThat(SurveyResponses.lowScore(AnchorMetric.CSAT, 3)).isFalse();
        assertThat(SurveyResponses.lowScore(AnchorMetric.CES, 5)).isTrue();
        assertThat(SurveyResponses.lowScore(AnchorMetric.CES, 4)).isFalse();
    }

    @Test
    void theJourneyEndedMinutesToHoursBeforeTheAnswer() {
        for (SurveyResponded r : generate(responses(200, 0.3, 31), 500)) {
            Duration before = Duration.between(r.journey().updatedAt(), r.respondedAt());
            // the rules' delay 5..185 min, plus up to 2 h for a stalled journey declared after its timeout
            assertThat(before).isBetween(Duration.ofMinutes(5), Duration.ofHours(6));
        }
    }
}
