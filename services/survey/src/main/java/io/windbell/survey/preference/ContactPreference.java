package io.windbell.survey.preference;

import java.time.Instant;

import io.windbell.contracts.survey.DeliveryChannel;

/**
 * What the bank knows about one customer's contact wishes.
 *
 * @param doNotSurvey
 *            the customer withdrew consent to surveys: nothing is sent, not even a recovery follow-up
 * @param timeZone
 *            IANA zone id for quiet hours; {@code null} = the service default
 * @param locale
 *            {@code zh-CN} or {@code en}; {@code null} = the service default
 * @param channel
 *            the preferred delivery channel; {@code null} = the rule's or APP_PUSH
 */
public record ContactPreference(String customerId, boolean doNotSurvey, String timeZone, String locale,
        DeliveryChannel channel, Instant updatedAt, String updatedBy) {
}
