package io.windbell.scoring.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;

/** Builds the {@code alert.low-score} of a low response: plain, so what the alert carries is unit-tested. */
public final class LowScoreAlerts {

    private static final String COMMENT_SEPARATOR = "\n\n";

    private final LowScoreRule rule;

    public LowScoreAlerts(LowScoreRule rule) {
        this.rule = rule;
    }

    /**
     * The alert of a response whose anchor score {@link LowScoreRule#isLow is low}.
     *
     * @param tier
     *            the customer's tier, {@code null} when unknown
     * @param branchId
     *            the branch to route to, {@code null} when unknown
     */
    public LowScoreAlert alert(SurveyResponded response, String tier, String branchId, Instant now) {
        List<TouchpointVisit> failing = failingTouchpoints(response.journey());
        return new LowScoreAlert(UUID.randomUUID(), response.customerId(), response.responseId(),
                response.anchorMetric(), response.anchorScore(),
                rule.severity(tier, response.anchorMetric(), response.anchorScore(), failing), tier, now,
                response.journey(), failing, comment(response.answers()), branchId, response.employeeId(),
                response.productId(), response.followUpOfWorkOrderId());
    }

    /**
     * The visits that failed or were abandoned: both are where the customer's experience broke (an abandoned step is a
     * customer giving up), and the recovery call starts there. Successes and informational visits are left out.
     */
    public static List<TouchpointVisit> failingTouchpoints(JourneySummary journey) {
        if (journey == null) {
            return List.of();
        }
        return journey.touchpoints().stream()
                .filter(v -> v.outcome() == Outcome.FAILURE || v.outcome() == Outcome.ABANDONED).toList();
    }

    /**
     * The open-text answers verbatim, in display order, separated by a blank line; {@code null} without any. Cut to
     * {@link LowScoreAlert#MAX_COMMENT} without splitting a surrogate pair (the survey page bounds each answer, not
     * their number).
     */
    public static String comment(List<Answer> answers) {
        List<String> texts = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer.type() == QuestionType.OPEN_TEXT && answer.text() != null && !answer.text().isBlank()) {
                texts.add(answer.text());
            }
        }
        if (texts.isEmpty()) {
            return null;
        }
        String comment = String.join(COMMENT_SEPARATOR, texts);
        if (comment.length() <= LowScoreAlert.MAX_COMMENT) {
            return comment;
        }
        int end = LowScoreAlert.MAX_COMMENT;
        if (Character.isHighSurrogate(comment.charAt(end - 1))) {
            end--;
        }
        return comment.substring(0, end);
    }
}
