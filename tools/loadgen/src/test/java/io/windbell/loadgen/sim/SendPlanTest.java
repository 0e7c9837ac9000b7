package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.sim.PlannedEvent.Delivery;

class SendPlanTest {

    private static List<Walk> walks(SimProfile profile, int count) {
        JourneyWalker walker = new JourneyWalker(CatalogJson.builtin(), profile, UUID::randomUUID);
        Population population = new Population(1_000, 3);
        SplittableRandom rnd = new SplittableRandom(3);
        List<String> journeys = CatalogJson.builtin().journeyNames();
        List<Walk> walks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            walks.add(walker.walk(journeys.get(i % journeys.size()), population.customer(i % 1_000), 0, rnd));
        }
        return walks;
    }

    @Test
    void duplicatesRepeatTheSameEventWithinThreeSeconds() {
        List<Walk> walks = walks(SimProfile.shares(0.15, 0.45, 0.35, 0.07, 0.07, 0.3, 0.05, 0, 60), 5_000);
        long events = 0;
        long duplicates = 0;
        for (Walk walk : walks) {
            events += walk.events().size();
            for (PlannedEvent send : walk.sends()) {
                if (send.delivery() != Delivery.DUPLICATE) {
                    continue;
                }
                duplicates++;
                PlannedEvent first = walk.sends().stream()
                        .filter(s -> s.delivery() != Delivery.DUPLICATE && s.event() == send.event()).findFirst()
                        .orElseThrow();
                assertThat(send.event().eventId()).isEqualTo(first.event().eventId());
                assertThat(send.occurredMillis()).isEqualTo(first.occurredMillis());
                assertThat(send.atMillis() - first.atMillis()).isBetween(100L, 3_000L);
            }
            assertThat(walk.sends()).isSortedAccordingTo((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
            assertThat(walk.sends().stream().filter(s -> s.delivery() != Delivery.DUPLICATE).map(PlannedEvent::event))
                    .containsExactlyInAnyOrderElementsOf(walk.events().stream().map(PlannedEvent::event).toList());
        }
        assertThat(duplicates / (double) events).isCloseTo(0.05, within(0.006));
    }

    @Test
    void lateSendsArriveAfterTheNextEventButKeepTheirTime() {
        List<Walk> walks = walks(SimProfile.shares(0.15, 0.45, 0.35, 0.07, 0.07, 0.3, 0, 0.1, 60), 5_000);
        long late = 0;
        for (Walk walk : walks) {
            List<PlannedEvent> events = walk.events();
            for (PlannedEvent send : walk.sends()) {
                if (send.delivery() != Delivery.LATE) {
                    assertThat(send.atMillis()).isEqualTo(send.occurredMillis());
                    continue;
                }
                late++;
                int i = events.stream().map(PlannedEvent::event).toList().indexOf(send.event());
                PlannedEvent next = events.get(i + 1);
                assertThat(send.atMillis()).isGreaterThan(next.atMillis());
                assertThat(send.occurredMillis()).isEqualTo(events.get(i).occurredMillis());
                assertThat(send.atMillis() - send.occurredMillis()).isLessThanOrEqualTo(4_000);
                // so the customer's next event is sent first (unless that one is late too)
                PlannedEvent nextSend = walk.sends().stream().filter(p -> p.event() == next.event()).findFirst()
                        .orElseThrow();
                if (nextSend.delivery() == Delivery.ON_TIME) {
                    assertThat(walk.sends().indexOf(send)).isGreaterThan(walk.sends().indexOf(nextSend));
                }
            }
        }
        assertThat(late).isGreaterThan(1_000);
    }
}
