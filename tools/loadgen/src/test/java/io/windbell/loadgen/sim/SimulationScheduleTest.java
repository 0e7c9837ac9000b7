package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.engine.Payload;
import io.windbell.loadgen.engine.Planned;
import io.windbell.loadgen.events.EventJson;

class SimulationScheduleTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-03-01T10:00:00+08:00");

    /** Everything sent on time: a send's time is the time its event happened. */
    private static final SimProfile ON_TIME = SimProfile.shares(SimProfile.FAIL, SimProfile.RETRY, SimProfile.SWITCH,
            SimProfile.ABANDON, SimProfile.STALL, SimProfile.ANONYMOUS, 0, 0, 60);

    private static TrafficGenerator generator() {
        return generator(ON_TIME);
    }

    private static TrafficGenerator generator(SimProfile profile) {
        return new TrafficGenerator(CatalogJson.builtin(), new Population(300, 1), profile, 400, 1, UUID::randomUUID,
                Long.MAX_VALUE);
    }

    /** How many events the same timeline has before the horizon. */
    private static int eventsBefore(long horizonMillis) {
        TrafficGenerator generator = generator();
        int n = 0;
        while (generator.next().atMillis() < horizonMillis) {
            n++;
        }
        return n;
    }

    private static List<Planned> all(SimulationSchedule schedule) {
        List<Planned> planned = new ArrayList<>();
        while (schedule.hasNext()) {
            planned.add(schedule.next());
        }
        return planned;
    }

    @Test
    void oneEventPerRequestAtItsOwnTimeUntilTheHorizon() throws Exception {
        List<Planned> planned = all(new SimulationSchedule(generator(), 1, 200, 10_000, Long.MAX_VALUE, START));

        // Fewer than 10 s x 400/s: the rate builds up while the first journeys get under way.
        assertThat(planned).hasSize(eventsBefore(10_000)).hasSizeGreaterThan(2_000);
        assertThat(planned).allMatch(p -> p.atNanos() < 10_000_000_000L);
        assertThat(planned).isSortedAccordingTo((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        Payload payload = planned.get(100).payload().get();
        assertThat(payload.path()).isEqualTo("/v1/events");
        assertThat(payload.events()).isEqualTo(1);
        JsonNode json = EventJson.mapper().readTree(payload.body());
        assertThat(OffsetDateTime.parse(json.get("occurredAt").asText()))
                .isEqualTo(START.plusNanos(planned.get(100).atNanos()));
    }

    @Test
    void batchesLeaveWhenFullOrWhenTheLingerTimeIsUp() throws Exception {
        List<Planned> planned = all(new SimulationSchedule(generator(), 20, 200, 10_000, Long.MAX_VALUE, START));

        int events = 0;
        long previous = -1;
        for (Planned p : planned) {
            Payload payload = p.payload().get();
            JsonNode array = EventJson.mapper().readTree(payload.body());
            assertThat(payload.path()).isEqualTo("/v1/events/batch");
            assertThat(array.size()).isEqualTo(payload.events()).isBetween(1, 20);
            long first = OffsetDateTime.parse(array.get(0).get("occurredAt").asText()).toInstant().toEpochMilli()
                    - START.toInstant().toEpochMilli();
            long sendAt = p.atNanos() / 1_000_000;
            assertThat(sendAt - first).isBetween(0L, 200L);
            if (payload.events() < 20) {
                assertThat(sendAt).isEqualTo(Math.min(first + 200, 10_000));
            }
            assertThat(sendAt).isGreaterThanOrEqualTo(previous);
            previous = sendAt;
            events += payload.events();
        }
        assertThat(events).isEqualTo(eventsBefore(10_000));
        assertThat(planned.size()).isLessThan(events / 5);
    }

    @Test
    void lateAndRepeatedSendsKeepTheTimeTheirEventHappened() throws Exception {
        SimProfile messy = SimProfile.shares(SimProfile.FAIL, SimProfile.RETRY, SimProfile.SWITCH, SimProfile.ABANDON,
                SimProfile.STALL, SimProfile.ANONYMOUS, 0.2, 0.2, 60);
        List<Planned> planned = all(new SimulationSchedule(generator(messy), 1, 200, 10_000, Long.MAX_VALUE, START));

        Map<String, OffsetDateTime> occurred = new HashMap<>();
        int repeated = 0;
        int earlier = 0;
        for (Planned p : planned) {
            JsonNode json = EventJson.mapper().readTree(p.payload().get().body());
            OffsetDateTime at = OffsetDateTime.parse(json.get("occurredAt").asText());
            OffsetDateTime before = occurred.putIfAbsent(json.get("eventId").asText(), at);
            if (before != null) {
                repeated++;
                assertThat(at).as("a resent event is the same event").isEqualTo(before);
            }
            assertThat(at).isBeforeOrEqualTo(START.plusNanos(p.atNanos()));
            if (at.isBefore(START.plusNanos(p.atNanos()))) {
                earlier++;
            }
        }
        assertThat(repeated).isGreaterThan(100);
        assertThat(earlier).isGreaterThan(repeated);
    }

    @Test
    void honoursTheRequestCap() {
        assertThat(all(new SimulationSchedule(generator(), 1, 200, 10_000, 25, START))).hasSize(25);
    }
}
