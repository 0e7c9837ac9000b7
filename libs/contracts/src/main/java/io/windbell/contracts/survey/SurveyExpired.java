package io.windbell.contracts.survey;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code survey.expired}: an invitation passed {@code expiresAt} without a response. Scoring counts it towards response
 * rates and silent detractors; workorder learns that a follow-up went unanswered.
 *
 * @param opened
 *            whether the customer opened the survey page at least once
 */
public record SurveyExpired(UUID invitationId, String customerId, UUID journeyInstanceId, String surveyCode,
        Instant invitedAt, Instant expiresAt, boolean opened, UUID followUpOfWorkOrderId) implements EventPayload {

    public static final String TYPE = "survey.expired";
    public static final String TOPIC = Topics.SURVEY_EVENTS;

    @Override
    public String partitionKey() {
        return customerId;
    }
}
