package io.windbell.loadgen.sim;

import java.util.ArrayList;
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
import io.windbell.loadgen.sim.Walk.Recovery;

/**
 * Walks one customer through one journey of the catalog, step by step in {@code stepOrder}, from a start touchpoint to
 * the goal (and sometimes past it). How the walk ends is drawn first, from the journey shares of the profile: it
 * completes; fails at a key node (FAILURE with a realistic error code) and then retries, goes on in a branch, the call
 * centre or with the relationship manager, or stops; ends with ABANDONED; or stalls after a key node. Some customers
 * start anonymous on a digital channel and log in on the way. Pure: no network, no clock, all chance from the given
 * generator.
 */
public final class JourneyWalker {

    private static final Set<String> INFORMATIONAL = Set.of("browse", "view", "notice", "detail", "entry", "calculator",
            "quota");

    /** How a walk is planned to end. */
    private enum Fate {
        COMPLETE, FAIL, ABANDON, STALL
    }

    /**
     * One journey of the catalog as the walker needs it.
     *
     * @param starts
     *            indexes of the steps holding a start touchpoint, in order (at least one)
     * @param goal
     *            index of the step holding the completion touchpoint
     * @param keys
     *            indexes of the key steps after the first start and before the goal
     */
    private record Shape(List<List<Touchpoint>> steps, List<Integer> starts, int goal, String goalCode,
            List<Integer> keys) {

        List<Integer> keysAfter(int first) {
            return keys.stream().filter(k -> k > first).toList();
        }
    }

    private final Catalog catalog;
    private final SimProfile profile;
    private final Supplier<UUID> eventIds;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<String, Outcome> successOutcome = new HashMap<>();

    public JourneyWalker(Catalog catalog, SimProfile profile, Supplier<UUID> eventIds) {
        this.catalog = catalog;
        this.profile = profile;
        this.eventIds = eventIds;
    }

    public Walk walk(String journey, Customer customer, long startMillis, RandomGenerator rnd) {
        Shape shape = shapes.computeIfAbsent(journey, this::shape);
        List<List<Touchpoint>> steps = shape.steps();
        int first = shape.starts().size() > 1 && rnd.nextDouble() < profile.secondStartShare() ? shape.starts().get(1)
                : shape.starts().getFirst();
        List<Integer> keys = shape.keysAfter(first);

        Fate fate = fate(rnd);
        int at = -1;
        if ((fate == Fate.FAIL || fate == Fate.STALL) && !keys.isEmpty()) {
            at = keys.get(rnd.nextInt(keys.size()));
        } else if (fate == Fate.ABANDON && shape.goal() - first >= 2) {
            at = abandonPoint(shape, first, rnd);
        } else {
            fate = Fate.COMPLETE;
        }
        int last = shape.goal();
        if (fate == Fate.COMPLETE && last < steps.size() - 1 && rnd.nextDouble() < profile.afterGoalShare()) {
            last += 1 + rnd.nextInt(steps.size() - 1 - last);
        }

        String channel = Channels.pick(steps.get(first).getFirst().channels(), rnd);
        boolean anonymous = Channels.digital(channel) && last > first && rnd.nextDouble() < profile.anonymousShare();
        int loginAt = anonymous ? Math.min(last, first + 1 + (rnd.nextDouble() < 0.3 ? 1 : 0)) : -1;
        Trip trip = new Trip(journey, customer, Products.pick(journey, rnd), startMillis, profile, eventIds, rnd);
        trip.enter(channel, anonymous);

        Recovery recovery = Recovery.NONE;
        int i = first;
        while (i <= last) {
            Touchpoint step = choose(steps.get(i), trip.channel(), rnd);
            // no change of mind where the walk begins or where its fate is decided
            arrive(trip, step, i == first || i == at, rnd);
            if (i == loginAt) {
                trip.logIn();
            }
            if (i != at) {
                trip.emit(step, success(step, shape), null, 1);
                i++;
            } else if (fate == Fate.ABANDON) {
                trip.emit(step, Outcome.ABANDONED, null, 1);
                return trip.end(Ending.ABANDONED, Recovery.NONE);
            } else if (fate == Fate.STALL) {
                trip.emit(step, success(step, shape), null, 1);
                return trip.end(Ending.STALLED, Recovery.NONE);
            } else {
                trip.emit(step, Outcome.FAILURE, ErrorCodes.pick(journey, step.code(), rnd), 1);
                recovery = recovery(rnd);
                if (recovery == Recovery.STOPPED) {
                    return trip.end(Ending.FAILED, Recovery.STOPPED);
                }
                int continuedAt = recovery == Recovery.SWITCHED ? switchChannel(trip, shape, i, last, rnd) : -1;
                if (continuedAt < 0) {
                    // no assisted channel offers any of the remaining steps: the customer tries again instead
                    recovery = Recovery.RETRIED;
                    trip.pause(Channels.thinkMillis(trip.channel(), rnd) / 4);
                    trip.emit(step, success(step, shape), null, 2);
                    continuedAt = i;
                }
                i = continuedAt + 1;
            }
            trip.think();
        }
        return trip.end(Ending.COMPLETED, recovery);
    }

    private Fate fate(RandomGenerator rnd) {
        double r = rnd.nextDouble();
        if (r < profile.failShare()) {
            return Fate.FAIL;
        }
        r -= profile.failShare();
        if (r < profile.abandonShare()) {
            return Fate.ABANDON;
        }
        r -= profile.abandonShare();
        return r < profile.stallShare() ? Fate.STALL : Fate.COMPLETE;
    }

    private Recovery recovery(RandomGenerator rnd) {
        double r = rnd.nextDouble();
        if (r < profile.retryAfterFailure()) {
            return Recovery.RETRIED;
        }
        return r < profile.retryAfterFailure() + profile.switchAfterFailure() ? Recovery.SWITCHED : Recovery.STOPPED;
    }

    /** A step strictly between the start and the goal; key steps, where people give up most, count twice. */
    private static int abandonPoint(Shape shape, int first, RandomGenerator rnd) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = first + 1; i < shape.goal(); i++) {
            candidates.add(i);
            if (shape.keys().contains(i)) {
                candidates.add(i);
            }
        }
        return candidates.get(rnd.nextInt(candidates.size()));
    }

    /**
     * Gets the customer to a channel that offers the step: moving when it is not offered, or by choice at a key step.
     */
    private void arrive(Trip trip, Touchpoint step, boolean stay, RandomGenerator rnd) {
        if (!step.allows(trip.channel())) {
            trip.moveTo(Channels.moveTo(step.channels(), trip.channel(), rnd), false);
        } else if (!stay && step.keyNode() && rnd.nextDouble() < profile.assistedAtKeyShare()) {
            // Some people would rather do the key step with a person: a risk assessment at the counter.
            String assisted = Channels.assisted(step.channels(), trip.channel(), rnd);
            if (assisted != null) {
                trip.moveTo(assisted, true);
            }
        }
    }

    /**
     * After a failure at step {@code from}: the first step from there on that a branch, the call centre or the
     * relationship manager offers is done there (the failed step itself, or the one after it: a transfer whose SMS code
     * failed in the app is submitted at the counter). Returns its index, or -1 when there is none.
     */
    private int switchChannel(Trip trip, Shape shape, int from, int last, RandomGenerator rnd) {
        for (int j = from; j <= last; j++) {
            for (Touchpoint alternative : shape.steps().get(j)) {
                String assisted = Channels.assisted(alternative.channels(), trip.channel(), rnd);
                if (assisted != null) {
                    trip.moveTo(assisted, true);
                    trip.emit(alternative, success(alternative, shape), null, j == from ? 2 : 1);
                    return j;
                }
            }
        }
        return -1;
    }

    /** INFO for non-key steps that only show something (browse, view, notice...), else SUCCESS; the goal is SUCCESS. */
    private Outcome success(Touchpoint step, Shape shape) {
        return successOutcome.computeIfAbsent(step.code(), code -> {
            if (step.keyNode() || code.equals(shape.goalCode())) {
                return Outcome.SUCCESS;
            }
            for (String word : code.toLowerCase(Locale.ROOT).split("[._-]")) {
                if (INFORMATIONAL.contains(word)) {
                    return Outcome.INFO;
                }
            }
            return Outcome.SUCCESS;
        });
    }

    private Shape shape(String journey) {
        List<List<Touchpoint>> steps = catalog.steps(journey);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no such journey in the catalog: " + journey);
        }
        List<Integer> starts = new ArrayList<>();
        for (String code : JourneyGoals.starts(journey)) {
            int index = indexOf(steps, code);
            if (index >= 0 && !starts.contains(index)) {
                starts.add(index);
            }
        }
        starts.sort(null);
        if (starts.isEmpty()) {
            starts.add(0);
        }
        String goalCode = JourneyGoals.completion(journey);
        int goal = goalCode == null ? -1 : indexOf(steps, goalCode);
        if (goal <= starts.getFirst()) {
            goal = steps.size() - 1;
            goalCode = steps.get(goal).getFirst().code();
        }
        int lastStart = goal;
        starts.removeIf(s -> s >= lastStart);
        if (starts.isEmpty()) {
            starts.add(0);
        }
        List<Integer> keys = new ArrayList<>();
        for (int i = starts.getFirst() + 1; i < goal; i++) {
            if (steps.get(i).stream().anyMatch(Touchpoint::keyNode)) {
                keys.add(i);
            }
        }
        return new Shape(steps, List.copyOf(starts), goal, goalCode, List.copyOf(keys));
    }

    private static int indexOf(List<List<Touchpoint>> steps, String code) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).stream().anyMatch(t -> t.code().equals(code))) {
                return i;
            }
        }
        return -1;
    }

    /** Among touchpoints sharing a step order, the one offered on the current channel, if any. */
    private static Touchpoint choose(List<Touchpoint> alternatives, String channel, RandomGenerator rnd) {
        List<Touchpoint> here = alternatives.stream().filter(t -> t.allows(channel)).toList();
        List<Touchpoint> from = here.isEmpty() ? alternatives : here;
        return from.size() == 1 ? from.getFirst() : from.get(rnd.nextInt(from.size()));
    }
}
