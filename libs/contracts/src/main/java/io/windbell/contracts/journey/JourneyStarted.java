package io.windbell.contracts.journey;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code journey.started}: a touchpoint matched the entry of a journey definition for this customer.
 *
 * @param anonymousId
 *            the device id the journey began under before the customer logged in and was re-attributed; {@code null}
 *            when the customer was known from the start
 */
public record JourneyStarted(JourneySummary journey, String anonymousId) implements EventPayload {

    public static final String TYPE = "journey.started";
    public static final String TOPIC = Topics.JOURNEY_EVENTS;

    @Override
    public String partitionKey() {
        return journey.customerId();
    }
}
