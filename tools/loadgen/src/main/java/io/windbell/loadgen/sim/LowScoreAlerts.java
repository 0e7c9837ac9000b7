package io.windbell.loadgen.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.loadgen.catalog.Catalog;

/**
 * {@code alert.low-score} as scoring raises them, for workorder's load: the low scores among {@link SurveyResponses}'
 * answers (a journey summary with failing touchpoints, a comment from some), each turned into an alert the way scoring
 * does (failing visits, the open text verbatim, the tier's severity one level up for the worst scores of the scale and
 * again for a failed key node, the response's branch else the customer's home branch: B001..B020 always). Every answer
 * is another customer's, so de-duplication (one open recovery per customer and journey) never merges two alerts.
 */
public final class LowScoreAlerts {

    /** Customers an alert run may draw from: ~3 answers per low score, so millions of alerts. */
    public static final int CUSTOMERS = 10_000_000;
    /** scoring's defaults: the severity of each tier, and of a customer without one. */
    private static final Map<String, Severity> TIER_SEVERITY = Map.of("mass", Severity.LOW, "affluent", Severity.MEDIUM,
            "private", Severity.HIGH);
    /** When scoring raises the alert after the answer (its consumer's lag; ignored by workorder). */
    private static final Duration ANSWERED_BEFORE = Duration.ofMillis(200);

    private final SurveyResponses responses;
    private final Population population;
    private final Supplier<UUID> ids;
    private long skipped;

    /**
     * @param firstCustomer
     *            the index of the first customer ({@code C00000001} is 0): a later run against the same database starts
     *            past the customers of an earlier one, whose recoveries are still open
     */
    public LowScoreAlerts(Catalog catalog, int firstCustomer, long seed, Supplier<UUID> ids) {
        this.responses = new SurveyResponses(catalog, firstCustomer, CUSTOMERS, 0.3, seed, ids);
        this.population = new Population(firstCustomer + CUSTOMERS, seed);
        this.ids = ids;
    }

    /** The next low score's alert, raised at {@code now}; answers that are not low are skipped. */
    public LowScoreAlert next(Instant now) {
        while (true) {
            SurveyResponded response = responses.next(now.minus(ANSWERED_BEFORE));
            if (SurveyResponses.lowScore(response.anchorMetric(), response.anchorScore())) {
                return alert(response, now);
            }
            skipped++;
        }
    }

    /** Answers generated and skipped because their score was not low. */
    public long skipped() {
        return skipped;
    }

    LowScoreAlert alert(SurveyResponded response, Instant now) {
        Customer customer = population.customer(Population.index(response.customerId()));
        List<TouchpointVisit> failing = response.journey().touchpoints().stream()
                .filter(v -> v.outcome() == Outcome.FAILURE || v.outcome() == Outcome.ABANDONED).toList();
        String branch = response.branchId() != null ? response.branchId() : customer.homeBranch();
        return new LowScoreAlert(ids.get(), response.customerId(), response.responseId(), response.anchorMetric(),
                response.anchorScore(),
                severity(customer.tier(), response.anchorMetric(), response.anchorScore(), failing), customer.tier(),
                now, response.journey(), failing, comment(response.answers()), branch, response.employeeId(),
                response.productId(), null);
    }

    /** scoring's default rule: the tier's severity, one level up for an extreme score, one for a failed key node. */
    static Severity severity(String tier, AnchorMetric metric, int score, List<TouchpointVisit> failing) {
        int level = (tier == null ? Severity.MEDIUM : TIER_SEVERITY.getOrDefault(tier, Severity.MEDIUM)).ordinal();
        boolean extreme = switch (metric) {
        case NPS -> score <= 2;
        case CSAT -> score <= 1;
        case CES -> score >= 7;
        };
        if (extreme) {
            level++;
        }
        if (failing.stream().anyMatch(v -> Boolean.TRUE.equals(v.keyNode()))) {
            level++;
        }
        Severity[] levels = Severity.values();
        return levels[Math.min(level, levels.length - 1)];
    }

    private static String comment(List<Answer> answers) {
        List<String> texts = new ArrayList<>();
        for (Answer a : answers) {
            if (a.type() == QuestionType.OPEN_TEXT && a.text() != null && !a.text().isBlank()) {
                texts.add(a.text());
            }
        }
        return texts.isEmpty() ? null : String.join("\n\n", texts);
    }
}
