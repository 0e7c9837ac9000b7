package io.windbell.journey.service;

import static io.windbell.journey.support.Journeys.minutes;
import static io.windbell.journey.support.Journeys.tp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventType;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.support.Journeys.Tp;
import io.windbell.messaging.envelope.Envelope;

/**
 * Whom a batch locks ({@link ReconstructionService#touched}): exactly the people its routing reads or writes, so that a
 * device already linked to its customer is not locked by every event of a logged-in session.
 */
class TouchedPeopleTest {

    @Test
    void aCustomerOnlyEventTouchesTheCustomer() {
        assertThat(touched(Map.of(), tp("transfer.start").customer("C1").channel("BRANCH"))).containsOnly("c:C1");
    }

    @Test
    void anUnlinkedDeviceAloneTouchesTheDevice() {
        assertThat(touched(Map.of(), tp("transfer.start").anonymous("D1"))).containsOnly("a:D1");
    }

    @Test
    void theFirstEventWithCustomerAndDeviceTouchesBothForTheAdoption() {
        assertThat(touched(Map.of(), tp("transfer.start").customer("C1").device("D1"))).containsOnly("c:C1", "a:D1");
    }

    @Test
    void aDeviceLinkedToTheSameCustomerIsNotTouchedAgain() {
        assertThat(touched(Map.of("D1", "C1"), tp("transfer.start").customer("C1").device("D1"),
                tp("transfer.otp_verify").anonymous("D1").at(minutes(1)))).containsOnly("c:C1");
    }

    @Test
    void aDeviceLinkedToAnotherCustomerIsTouchedForTheNewLinkButTheOldCustomerIsNot() {
        assertThat(touched(Map.of("D1", "C9"), tp("transfer.start").customer("C1").device("D1"))).containsOnly("c:C1",
                "a:D1");
    }

    @Test
    void aLinkMadeInTheBatchAttributesTheDevicesLaterEventsToTheCustomer() {
        assertThat(touched(Map.of(), tp("transfer.start").anonymous("D1"),
                tp("transfer.start").customer("C1").device("D1").at(minutes(1)),
                tp("transfer.otp_verify").anonymous("D1").at(minutes(2)),
                tp("transfer.start").anonymous("D2").at(minutes(3)))).containsOnly("a:D1", "c:C1", "a:D2");
    }

    @Test
    void aLinkedDeviceAloneTouchesItsCustomerOnly() {
        assertThat(touched(Map.of("D1", "C1"), tp("transfer.start").anonymous("D1"))).containsOnly("c:C1");
    }

    /** In the order given, which is the order of occurrence the service sorts a batch into. */
    private static Set<String> touched(Map<String, String> links, Tp... events) {
        List<Envelope<TouchpointRecorded>> deliveries = Arrays.stream(events).map(Tp::event)
                .map(e -> new Envelope<>(e.eventId(), EventType.TOUCHPOINT_RECORDED, null, Instant.EPOCH, e)).toList();
        return ReconstructionService.touched(deliveries, links);
    }
}
