package io.windbell.journey.store;

import static io.windbell.journey.support.Journeys.LATENESS;
import static io.windbell.journey.support.Journeys.WEALTH;
import static io.windbell.journey.support.Journeys.hours;
import static io.windbell.journey.support.Journeys.minutes;
import static io.windbell.journey.support.Journeys.time;
import static io.windbell.journey.support.Journeys.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.journey.JourneyInstance;
import io.windbell.journey.JourneyState;
import io.windbell.journey.support.Journeys.Tp;

/** The stored form of a journey's state: Smile written, Smile and the JSON text of rows from before V4 read. */
class StateCodecTest {

    @Test
    void aStateRoundTripsWithItsOffsetsPendingInterruptionAndDeadlines() throws IOException {
        JourneyInstance journey = journey();
        JourneyState state = journey.state();

        byte[] stored = StateCodec.write(state);
        JourneyState read = StateCodec.read(stored);

        assertThat(StateCodec.isSmile(stored)).isTrue();
        assertThat(read).isEqualTo(state);
        assertThat(read.visits().getFirst().occurredAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        JourneyInstance restored = JourneyInstance.restore(read, WEALTH);
        assertThat(restored.nextDeadline()).isEqualTo(journey.nextDeadline());
        assertThat(restored.openInterruption()).isEqualTo(journey.openInterruption());
        assertThat(restored.summary()).isEqualTo(journey.summary());
    }

    @Test
    void aRowWrittenAsJsonBeforeTheMigrationIsStillRead() throws IOException {
        JourneyState state = journey().state();
        // what V4's convert_to(state::text, 'UTF8') leaves in the column
        byte[] legacy = EventJson.mapper().writeValueAsString(state).getBytes(StandardCharsets.UTF_8);

        assertThat(StateCodec.isSmile(legacy)).isFalse();
        assertThat(StateCodec.read(legacy)).isEqualTo(state);
    }

    @Test
    void smileIsSmallerThanTheJsonText() throws IOException {
        JourneyState state = journey().state();

        assertThat(StateCodec.write(state).length).isLessThan(EventJson.mapper().writeValueAsBytes(state).length);
    }

    @Test
    void bytesThatAreNeitherFailInsteadOfReadingAsAnEmptyState() {
        assertThatThrownBy(() -> StateCodec.read(new byte[] { ':', ')', '\n', 0x7f, 0x7f }))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> StateCodec.read("not a state".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    /** A wealth purchase with a failure at the key node, so visits, error codes and a deadline are all set. */
    private static JourneyInstance journey() {
        Tp first = tp("wealth.product_browse").product("WP-001");
        JourneyInstance journey = JourneyInstance.start(UUID.randomUUID(), WEALTH, "C1", null, first.visit(WEALTH),
                first.instant());
        for (Tp next : new Tp[] { tp("wealth.product_detail").at(minutes(2)).channel("WEB"),
                tp("wealth.risk_assessment").at(minutes(4)).failed("E_NET") }) {
            journey.apply(next.visit(WEALTH), next.instant(), LATENESS);
        }
        journey.onTimer(time(hours(2)));
        return journey;
    }
}
