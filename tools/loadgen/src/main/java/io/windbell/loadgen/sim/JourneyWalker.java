package io.windbell.loadgen.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.Touchpoint;
import io.windbell.loadgen.sim.Walk.Ending;

/**
 * Walks one customer through one journey of the catalog, step by step in {@code stepOrder}: steps fail with realistic
 * error codes, are retried, abandoned, or continued in a branch or the call centre; some customers simply stop, and
 * some start anonymous and log in on the way. Pure: no network, no clock, all chance from the given generator.
 */
public final class JourneyWalker {

    private static final Set<String> INFORMATIONAL = Set.of("browse", "view", "notice", "detail", "entry", "quota");

    private final Catalog catalog;
    private final SimProfile profile;
    private final Supplier<UUID> eventIds;
    private final Map<String, Outcome> successOutcome = new HashMap<>();

    public JourneyWalker(Catalog catalog, SimProfile profile, Supplier<UUID> eventIds) {
        this.catalog = catalog;
        this.profile = profile;
        this.eventIds = eventIds;
    }

    public Walk walk(String journey, Customer customer, long startMillis, RandomGenerator rnd) {
        List<List<Touchpoint>> steps = catalog.steps(journey);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no such journey in the catalog: " + journey);
        }
        String channel = Channels.pick(steps.getFirst().getFirst().channels(), rnd);
        boolean anonymous = Channels.digital(channel) && steps.size() >= 2
                && rnd.nextDouble() < profile.anonymousShare();
        int loginAt = anonymous ? 1 + rnd.nextInt(Math.min(3, steps.size() - 1)) : 0;
        Trip trip = new Trip(journey, customer, Products.pick(journey, rnd), startMillis, profile, eventIds, rnd);
        trip.enter(channel, anonymous);

        for (int i = 0; i < steps.size(); i++) {
            Touchpoint step = choose(steps.get(i), trip.channel(), rnd);
            if (i == loginAt) {
                trip.logIn();
            }
            if (i > 0 && rnd.nextDouble() < (step.keyNode() ? profile.stallKey() : profile.stallOther())) {
                return trip.end(Ending.STALLED);
            }
            if (!step.allows(trip.channel())) {
                trip.moveTo(Channels.moveTo(step.channels(), trip.channel(), rnd), false);
            } else if (step.keyNode() && rnd.nextDouble() < profile.preferAssistedAtKey()) {
                // Some people would rather do the key step with a person: a risk assessment at the counter.
                String assisted = Channels.assisted(step.channels(), trip.channel(), rnd);
                if (assisted != null) {
                    trip.moveTo(assisted, true);
                }
            }
            if (!take(trip, step, rnd)) {
                return trip.end(trip.ending());
            }
            trip.think();
        }
        return trip.end(Ending.COMPLETED);
    }

    /** One step; false when the journey ends here. */
    private boolean take(Trip trip, Touchpoint step, RandomGenerator rnd) {
        double fail = step.keyNode() ? profile.failKey() : profile.failOther();
        double abandon = step.keyNode() ? profile.abandonKey() : profile.abandonOther();
        double r = rnd.nextDouble();
        if (r < fail) {
            trip.emit(step, Outcome.FAILURE, ErrorCodes.pick(trip.journey(), step.code(), rnd), 1);
            return recover(trip, step, rnd);
        }
        if (r < fail + abandon) {
            trip.emit(step, Outcome.ABANDONED, null, 1);
            trip.ending(Ending.ABANDONED);
            return false;
        }
        trip.emit(step, success(step), null, 1);
        return true;
    }

    /** After a failure: try again, go to a branch or call the bank, give up, or just stop. */
    private boolean recover(Trip trip, Touchpoint step, RandomGenerator rnd) {
        double r = rnd.nextDouble();
        boolean retry = r < profile.retryAfterFailure();
        boolean switchChannel = !retry && r < profile.retryAfterFailure() + profile.switchAfterFailure();
        boolean abandon = !retry && !switchChannel
                && r < profile.retryAfterFailure() + profile.switchAfterFailure() + profile.abandonAfterFailure();
        if (retry) {
            trip.pause(Channels.thinkMillis(trip.channel(), rnd) / 4);
            if (rnd.nextDouble() < profile.retrySucceeds()) {
                trip.emit(step, success(step), null, 2);
                return true;
            }
            trip.emit(step, Outcome.FAILURE, ErrorCodes.pick(trip.journey(), step.code(), rnd), 2);
            switchChannel = rnd.nextBoolean();
            abandon = !switchChannel;
        }
        if (switchChannel) {
            String assisted = Channels.assisted(step.channels(), trip.channel(), rnd);
            if (assisted != null) {
                trip.moveTo(assisted, true);
                trip.emit(step, success(step), null, 1);
                return true;
            }
            abandon = true;
        }
        if (abandon) {
            trip.emit(step, Outcome.ABANDONED, null, 1);
            trip.ending(Ending.ABANDONED);
        } else {
            trip.ending(Ending.STALLED);
        }
        return false;
    }

    /** INFO for steps that only show something (browse, view, notice...), else SUCCESS; decided once per code. */
    private Outcome success(Touchpoint step) {
        return successOutcome.computeIfAbsent(step.code(), code -> {
            for (String word : code.toLowerCase(Locale.ROOT).split("[._-]")) {
                if (INFORMATIONAL.contains(word)) {
                    return Outcome.INFO;
                }
            }
            return Outcome.SUCCESS;
        });
    }

    /** Among touchpoints sharing a step order, the one offered on the current channel, if any. */
    private static Touchpoint choose(List<Touchpoint> alternatives, String channel, RandomGenerator rnd) {
        List<Touchpoint> here = alternatives.stream().filter(t -> t.allows(channel)).toList();
        List<Touchpoint> from = here.isEmpty() ? alternatives : here;
        return from.size() == 1 ? from.getFirst() : from.get(rnd.nextInt(from.size()));
    }
}
