package io.windbell.loadgen.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import io.windbell.loadgen.sim.PlannedEvent.Delivery;

/**
 * How a channel app delivers one walk's events: mostly at once, sometimes late (after the customer's next event, as
 * when a phone was briefly offline) and sometimes twice with the same event id (a retry after a lost answer). What a
 * consumer must cope with: duplicates and out-of-order arrival within a few seconds.
 */
final class SendPlan {

    /** A late send overtakes the next event only if that one follows within this time. */
    static final long REORDER_WINDOW_MILLIS = 3_000;
    /** A duplicate follows the first send by 100 ms to 3 s. */
    static final int DUPLICATE_MIN_MILLIS = 100;
    static final int DUPLICATE_SPREAD_MILLIS = 2_900;

    private SendPlan() {
    }

    /** The sends of {@code events} (in the order they happened), in send order. */
    static List<PlannedEvent> of(List<PlannedEvent> events, SimProfile profile, RandomGenerator rnd) {
        List<PlannedEvent> sends = new ArrayList<>(events.size() + 1);
        for (int i = 0; i < events.size(); i++) {
            PlannedEvent e = events.get(i);
            long at = e.atMillis();
            Delivery delivery = Delivery.ON_TIME;
            if (i + 1 < events.size() && rnd.nextDouble() < profile.reorderShare()) {
                long next = events.get(i + 1).atMillis();
                if (next - at <= REORDER_WINDOW_MILLIS) {
                    at = next + 1 + rnd.nextInt(1_000);
                    delivery = Delivery.LATE;
                }
            }
            sends.add(new PlannedEvent(at, e.occurredMillis(), e.event(), delivery));
            if (rnd.nextDouble() < profile.duplicateShare()) {
                long again = at + DUPLICATE_MIN_MILLIS + rnd.nextInt(DUPLICATE_SPREAD_MILLIS);
                sends.add(new PlannedEvent(again, e.occurredMillis(), e.event(), Delivery.DUPLICATE));
            }
        }
        sends.sort(Comparator.comparingLong(PlannedEvent::atMillis));
        return List.copyOf(sends);
    }
}
