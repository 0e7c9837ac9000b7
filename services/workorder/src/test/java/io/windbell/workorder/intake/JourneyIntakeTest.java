package io.windbell.workorder.intake;

import static io.windbell.workorder.support.Signals.customer;
import static io.windbell.workorder.support.Signals.interrupted;
import static io.windbell.workorder.support.Signals.orders;
import static io.windbell.workorder.support.Signals.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.testing.EventFeed;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.support.WorkorderTestResource;

/** {@code journey.interrupted} → a CALLBACK for the journeys the seeded rules select, once per journey instance. */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class JourneyIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EventFeed feed;

    @BeforeAll
    static void feed() {
        feed = new EventFeed("journey");
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void anInterruptedKeyJourneyOfASelectedCustomerOpensOneCallback() {
        String customer = customer("C-callback");
        JourneyInterrupted event = interrupted(customer, "WEALTH_PURCHASE", true, "WM-FH-180D");

        feed.send(event);
        feed.send(event);

        WorkOrder order = await().atMost(WAIT).until(() -> orders(customer), list -> list.size() == 1).getFirst();
        assertThat(order.type).isEqualTo(WorkOrderType.CALLBACK);
        assertThat(order.origin).isEqualTo(WorkOrderOrigin.JOURNEY_INTERRUPTED);
        assertThat(order.priority).isEqualTo(Priority.NORMAL);
        assertThat(order.journeyInstanceId).isEqualTo(event.journey().journeyInstanceId());
        assertThat(order.touchpointCode).isEqualTo("wealth.risk_assessment");
        assertThat(order.title).isEqualTo("Call back: wealth purchase failed at wealth.risk_assessment");
        assertThat(order.context.failingTouchpoints()).hasSize(1);
        assertThat(signals(order.id)).extracting(s -> s.sourceId).containsExactly(event.journey().journeyInstanceId());
    }

    @Test
    void unselectedInterruptionsOpenNothing() {
        String customer = customer("C-unselected");
        JourneyInterrupted notAtAKeyNode = interrupted(customer, "WEALTH_PURCHASE", false, "WM-FH-180D");
        JourneyInterrupted notAKeyJourney = interrupted(customer, "CARD_ACTIVATION", true, "CC-PLATINUM");
        JourneyInterrupted notAHighValueProduct = interrupted(customer, "LOAN_APPLICATION", true, "CC-PLATINUM");
        JourneyInterrupted selected = interrupted(customer, "LOAN_APPLICATION", true, "LN-MORTGAGE");

        feed.send(notAtAKeyNode);
        feed.send(notAKeyJourney);
        feed.send(notAHighValueProduct);
        // the same customer is the same partition: once the last one is applied, the three before it were too
        feed.send(selected);

        WorkOrder only = await().atMost(WAIT).until(() -> orders(customer), list -> !list.isEmpty()).getFirst();
        assertThat(orders(customer)).hasSize(1);
        assertThat(only.journeyInstanceId).isEqualTo(selected.journey().journeyInstanceId());
    }
}
