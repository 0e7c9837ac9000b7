package io.windbell.workorder.special;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a special task stands in its watch: OPEN while worked on; WATCHING from the moment it is done until the watch
 * period ends (a degradation of its touchpoint then reopens it); ENDED after.
 *
 * @param until
 *            the end of the watch; {@code null} while the task is open
 */
public record WatchState(State state, Instant until) {

    /** The phases of the watch. */
    public enum State {
        OPEN, WATCHING, ENDED
    }

    public static WatchState of(Instant closedAt, Duration watchPeriod, Instant now) {
        if (closedAt == null) {
            return new WatchState(State.OPEN, null);
        }
        Instant until = closedAt.plus(watchPeriod);
        return new WatchState(now.isBefore(until) ? State.WATCHING : State.ENDED, until);
    }
}
