package io.windbell.loadgen.sim;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.windbell.loadgen.catalog.Catalog;

/**
 * The merged timeline of many customers walking journeys at once, in send order. Journeys start as a Poisson process
 * whose rate is chosen so that, once under way, events flow at the requested rate; each new journey goes to a customer
 * who is not already in one, if such a customer is found quickly. Endless; deterministic for a seed, catalog and
 * population.
 */
public final class TrafficGenerator {

    private static final Map<String, Integer> JOURNEY_WEIGHT = Map.of("TRANSFER", 30, "WEALTH_PURCHASE", 20,
            "CARD_ACTIVATION", 15, "COMPLAINT", 10, "ACCOUNT_OPENING", 10, "LOAN_APPLICATION", 10, "REFERRAL", 5);

    private record Pending(long seq, PlannedEvent event) {
    }

    private final JourneyWalker walker;
    private final Population population;
    private final SplittableRandom rnd;
    private final List<String> journeys;
    private final int totalWeight;
    private final double meanArrivalMillis;
    private final long tallyBeforeMillis;
    private final JourneyTally tally = new JourneyTally();
    private final Map<Integer, Long> busyUntil = new HashMap<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong((Pending p) -> p.event().atMillis()).thenComparingLong(Pending::seq));

    private double nextArrival;
    private long seq;

    /**
     * @param eventsPerSecond
     *            the event rate to aim for
     * @param tallyBeforeMillis
     *            only journeys starting before this count in {@link #tally()}
     */
    public TrafficGenerator(Catalog catalog, Population population, SimProfile profile, double eventsPerSecond,
            long seed, Supplier<UUID> eventIds, long tallyBeforeMillis) {
        this.walker = new JourneyWalker(catalog, profile, eventIds);
        this.population = population;
        this.rnd = new SplittableRandom(seed);
        this.journeys = catalog.journeyNames();
        this.totalWeight = journeys.stream().mapToInt(j -> JOURNEY_WEIGHT.getOrDefault(j, 10)).sum();
        this.tallyBeforeMillis = tallyBeforeMillis;
        double journeysPerSecond = eventsPerSecond / meanEventsPerJourney(catalog, profile, seed);
        this.meanArrivalMillis = 1000 / journeysPerSecond;
    }

    /** The next event in time order, without taking it. */
    public PlannedEvent peek() {
        fill();
        return pending.peek().event();
    }

    public PlannedEvent next() {
        fill();
        return pending.poll().event();
    }

    public JourneyTally tally() {
        return tally;
    }

    private void fill() {
        while (pending.isEmpty() || nextArrival <= pending.peek().event().atMillis()) {
            long at = (long) nextArrival;
            start(at);
            nextArrival += -Math.log(1 - rnd.nextDouble()) * meanArrivalMillis;
        }
    }

    private void start(long at) {
        int index = idleCustomer(at);
        Walk walk = walker.walk(pickJourney(rnd), population.customer(index), at, rnd);
        for (PlannedEvent e : walk.sends()) {
            pending.add(new Pending(seq++, e));
        }
        busyUntil.put(index, walk.sends().getLast().atMillis());
        if (at < tallyBeforeMillis) {
            tally.add(walk);
        }
    }

    private int idleCustomer(long at) {
        int index = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            index = rnd.nextInt(population.size());
            Long until = busyUntil.get(index);
            if (until == null || until < at) {
                busyUntil.remove(index);
                return index;
            }
        }
        return index;
    }

    private String pickJourney(RandomGenerator random) {
        int r = random.nextInt(totalWeight);
        for (String j : journeys) {
            r -= JOURNEY_WEIGHT.getOrDefault(j, 10);
            if (r < 0) {
                return j;
            }
        }
        return journeys.getLast();
    }

    /** Walks a sample of journeys on a side generator to learn how many events a journey yields on average. */
    private double meanEventsPerJourney(Catalog catalog, SimProfile profile, long seed) {
        SplittableRandom sample = new SplittableRandom(seed ^ 0x5DEECE66DL);
        UUID none = new UUID(0, 0);
        JourneyWalker quiet = new JourneyWalker(catalog, profile, () -> none);
        long events = 0;
        int walks = 400;
        for (int i = 0; i < walks; i++) {
            Customer customer = population.customer(i % population.size());
            events += quiet.walk(pickJourney(sample), customer, 0, sample).sends().size();
        }
        return Math.max(1, (double) events / walks);
    }
}
