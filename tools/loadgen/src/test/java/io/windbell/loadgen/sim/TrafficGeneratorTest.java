package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.CatalogJson;

class TrafficGeneratorTest {

    private static final Catalog CATALOG = CatalogJson.builtin();

    private static TrafficGenerator generator(long seed, double rate, int customers) {
        Random ids = new Random(seed);
        return new TrafficGenerator(CATALOG, new Population(customers, seed), SimProfile.defaults(60), rate, seed,
                () -> new UUID(ids.nextLong(), ids.nextLong()), 60_000);
    }

    @Test
    void aMergedTimelineInTimeOrderAtTheRequestedRate() {
        TrafficGenerator generator = generator(9, 200, 2_000);
        long last = 0;
        int inSteadyState = 0;
        PlannedEvent e;
        while ((e = generator.next()).atMillis() < 120_000) {
            assertThat(e.atMillis()).isGreaterThanOrEqualTo(last);
            last = e.atMillis();
            if (e.atMillis() >= 30_000) {
                inSteadyState++;
            }
        }
        // 90 s at 200 events/s, once the first journeys are under way.
        assertThat(inSteadyState).isBetween(16_200, 19_800);
        assertThat(generator.tally().started()).isBetween(1_500L, 3_500L);
        assertThat(generator.tally().asMap()).containsKeys("completed", "abandoned", "stalled", "channelSwitches",
                "anonymousStarts");
    }

    @Test
    void eachCustomersEventsStayInOrderAndCustomersComeFromThePopulation() {
        TrafficGenerator generator = generator(10, 500, 50);
        Set<String> customers = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String id = generator.next().event().customerId();
            if (id != null) {
                customers.add(id);
            }
        }
        assertThat(customers).allMatch(id -> id.matches("C000000([0-4][0-9]|50)"));
        assertThat(customers.size()).isGreaterThan(40);
    }

    @Test
    void deterministicForASeed() {
        assertThat(first(generator(5, 300, 100), 2_000)).isEqualTo(first(generator(5, 300, 100), 2_000));
        assertThat(first(generator(5, 300, 100), 200)).isNotEqualTo(first(generator(6, 300, 100), 200));
    }

    private static List<PlannedEvent> first(TrafficGenerator generator, int n) {
        List<PlannedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(generator.next());
        }
        return events;
    }
}
