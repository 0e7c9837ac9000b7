package io.windbell.contracts.survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneySummary;

/**
 * {@code survey.responded}: a customer submitted a survey. Carries everything scoring and workorder need to attribute
 * the score (journey, branch, employee, product, touchpoints) without calling back.
 *
 * @param anchorScore
 *            the answer to the anchor question, in the range of {@code anchorMetric}
 * @param journey
 *            the journey as it was when the invitation was assembled; {@code null} for a recovery follow-up
 * @param branchId
 *            the branch the score is attributed to, when there is one
 * @param employeeId
 *            the employee the score is attributed to, when there is one
 * @param productId
 *            the product the journey was about, when there is one
 * @param followUpOfWorkOrderId
 *            set when this answers the follow-up of a recovery work order
 */
public record SurveyResponded(UUID responseId, UUID invitationId, String customerId, String surveyCode, String locale,
        Instant respondedAt, AnchorMetric anchorMetric, int anchorScore, List<Answer> answers, JourneySummary journey,
        String branchId, String employeeId, String productId, UUID followUpOfWorkOrderId) implements EventPayload {

    public static final String TYPE = "survey.responded";
    public static final String TOPIC = Topics.SURVEY_EVENTS;

    public SurveyResponded {
        answers = List.copyOf(answers);
    }

    @Override
    public String partitionKey() {
        return customerId;
    }
}
