package io.windbell.contracts.survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code survey.invited}: an invitation was assembled for a customer and is to be delivered on {@code channel}.
 * <p>
 * It carries no link: the link token is the respondent's credential and every consumer of the survey topic would read
 * it. The deliverer fetches the link with {@code GET /v1/invitations/{invitationId}/link} (role
 * {@code survey-deliverer}); see docs/adr/0013-survey-links-off-the-event-bus.md.
 *
 * @param journeyInstanceId
 *            the journey the survey asks about; {@code null} for a recovery follow-up
 * @param surveyCode
 *            the survey template in the question bank
 * @param questionIds
 *            the questions assembled for this customer, in display order
 * @param reasons
 *            why the customer is invited and why each question is in it
 * @param followUpOfWorkOrderId
 *            set when this is the one-question follow-up after a recovery work order
 */
public record SurveyInvited(UUID invitationId, String customerId, UUID journeyInstanceId, String surveyCode,
        AnchorMetric anchorMetric, DeliveryChannel channel, String locale, Instant invitedAt, Instant expiresAt,
        List<String> questionIds, List<InvitationReason> reasons, UUID followUpOfWorkOrderId) implements EventPayload {

    public static final String TYPE = "survey.invited";
    public static final String TOPIC = Topics.SURVEY_EVENTS;

    public SurveyInvited {
        questionIds = List.copyOf(questionIds);
        reasons = List.copyOf(reasons);
    }

    @Override
    public String partitionKey() {
        return customerId;
    }
}
