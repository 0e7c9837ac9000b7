package io.windbell.loadgen.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.Touchpoint;

/**
 * The ends of journeys as the journey service announces them: {@code journey.completed} and {@code journey.interrupted}
 * with a realistic summary, the load of the survey service (every one of them is a survey decision). Each event is one
 * customer's journey through the catalog's steps in step order, from a start touchpoint of the seeded definition
 * ({@link JourneyGoals}) to its goal (completed) or to a key node where it failed, stalled or was abandoned
 * (interrupted); 3 to 8 visits, failures with the simulator's error codes, branch and employee ids on assisted
 * channels, the journey's products. Plain Java and repeatable: everything but the ids follows the seed.
 */
public final class JourneyEnds {

    /** The fewest and the most visits a generated summary carries. */
    public static final int MIN_VISITS = 3;
    public static final int MAX_VISITS = 8;
    /** Of the interrupted journeys: failed at a key node, stalled after one, abandoned (the rest). */
    static final double FAILURE = 0.55;
    static final double TIMEOUT = 0.35;
    /** Completed journeys with a failed attempt at a key node on the way (retried, sometimes elsewhere). */
    static final double RETRIED = 0.2;

    /** How often each journey ends, roughly as a retail bank's digital traffic goes (transfers dominate). */
    private static final Map<String, Integer> WEIGHT = Map.of("TRANSFER", 30, "WEALTH_PURCHASE", 18, "CARD_ACTIVATION",
            12, "ACCOUNT_OPENING", 12, "LOAN_APPLICATION", 10, "COMPLAINT", 9, "REFERRAL", 9);
    private static final Map<String, LifecycleStage> STAGE = Map.of("ACCOUNT_OPENING", LifecycleStage.ACQUISITION,
            "CARD_ACTIVATION", LifecycleStage.ACTIVATION, "WEALTH_PURCHASE", LifecycleStage.UPGRADE, "LOAN_APPLICATION",
            LifecycleStage.UPGRADE, "TRANSFER", LifecycleStage.RETENTION, "COMPLAINT", LifecycleStage.RETENTION,
            "REFERRAL", LifecycleStage.REFERRAL);
    /** The customers' local time: the bank's customers are in China. */
    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(8);

    private final Catalog catalog;
    private final Population population;
    private final int customers;
    private final int firstCustomer;
    private final double interruptedShare;
    private final SplittableRandom rnd;
    private final Supplier<UUID> ids;
    private final List<String> journeys;
    private final int totalWeight;
    private long generated;
    private final Map<String, Long> tally = new TreeMap<>();

    /**
     * @param customers
     *            distinct customers: event {@code i} belongs to customer {@code firstCustomer + i % customers}, so with
     *            as many customers as events everyone ends one journey
     * @param firstCustomer
     *            the index of the first customer ({@code C00000001} is 0): another run's customers start elsewhere
     * @param ids
     *            journey instance ids (fresh in every run, like event ids)
     */
    public JourneyEnds(Catalog catalog, int customers, int firstCustomer, double interruptedShare, long seed,
            Supplier<UUID> ids) {
        if (customers < 1 || firstCustomer < 0 || interruptedShare < 0 || interruptedShare > 1) {
            throw new IllegalArgumentException("customers >= 1, firstCustomer >= 0, interruptedShare in 0..1");
        }
        this.catalog = catalog;
        this.population = new Population(firstCustomer + customers, seed);
        this.customers = customers;
        this.firstCustomer = firstCustomer;
        this.interruptedShare = interruptedShare;
        this.rnd = new SplittableRandom(seed);
        this.ids = ids;
        this.journeys = catalog.journeyNames().stream().filter(
                j -> JourneyGoals.completion(j) != null && !JourneyGoals.starts(j).isEmpty() && !visitsOf(j).isEmpty())
                .toList();
        if (journeys.isEmpty()) {
            throw new IllegalStateException("the catalog has none of the journey service's seeded journeys");
        }
        this.totalWeight = journeys.stream().mapToInt(j -> WEIGHT.getOrDefault(j, 5)).sum();
    }

    /** The next journey end, its visits finishing shortly before {@code now}. */
    public EventPayload next(Instant now) {
        Customer customer = population.customer(firstCustomer + (int) (generated++ % customers));
        String journey = pickJourney();
        List<Touchpoint> steps = visitsOf(journey);
        List<String> starts = JourneyGoals.starts(journey);
        String startCode = starts.size() > 1 && rnd.nextDouble() < 0.3 ? starts.get(1) : starts.getFirst();
        int start = Math.max(0, indexOf(steps, startCode));
        int goal = indexOf(steps, JourneyGoals.completion(journey));
        List<Integer> keyNodes = new ArrayList<>();
        for (int i = start; i < goal; i++) {
            if (steps.get(i).keyNode()) {
                keyNodes.add(i);
            }
        }
        boolean interrupted = !keyNodes.isEmpty() && rnd.nextDouble() < interruptedShare;
        Walker walker = new Walker(journey, customer, steps.get(start));
        EventPayload event = interrupted ? interrupted(walker, steps, start, keyNodes, now)
                : completed(walker, steps, start, goal, keyNodes, now);
        count(journey + (interrupted ? ".interrupted" : ".completed"));
        return event;
    }

    /** How many events of each {@code JOURNEY.completed|interrupted} and of each interruption reason were generated. */
    public Map<String, Long> tally() {
        return Map.copyOf(tally);
    }

    private EventPayload completed(Walker w, List<Touchpoint> steps, int start, int goal, List<Integer> keyNodes,
            Instant now) {
        int retryAt = !keyNodes.isEmpty() && rnd.nextDouble() < RETRIED ? keyNodes.get(rnd.nextInt(keyNodes.size()))
                : -1;
        for (int i = start; i <= goal; i++) {
            Touchpoint step = steps.get(i);
            w.arrive(step);
            if (i == retryAt) {
                w.visit(step, Outcome.FAILURE, ErrorCodes.pick(w.journey, step.code(), rnd));
                // after a failure, a third of the customers finish with a person
                String assisted = rnd.nextDouble() < 0.35 ? Channels.assisted(step.channels(), w.channel, rnd) : null;
                if (assisted != null) {
                    w.enter(assisted, (long) Channels.switchMillis(rnd));
                }
            }
            w.visit(step, i == goal || step.keyNode() ? Outcome.SUCCESS : informational(step), null);
        }
        List<TouchpointVisit> visits = w.visits(now, Duration.ofSeconds(1 + rnd.nextInt(5)));
        int interruptions = retryAt >= 0 && rnd.nextDouble() < 0.3 ? 1 : 0;
        JourneySummary summary = w.summary(visits, JourneyStatus.COMPLETED, ids.get(), interruptions);
        Instant completedAt = visits.getLast().occurredAt().toInstant();
        return new JourneyCompleted(summary, completedAt, Duration.between(summary.startedAt(), completedAt).toMillis(),
                interruptions);
    }

    private EventPayload interrupted(Walker w, List<Touchpoint> steps, int start, List<Integer> keyNodes, Instant now) {
        int at = keyNodes.get(rnd.nextInt(keyNodes.size()));
        double r = rnd.nextDouble();
        InterruptionReason reason = r < FAILURE ? InterruptionReason.FAILURE
                : r < FAILURE + TIMEOUT ? InterruptionReason.TIMEOUT : InterruptionReason.ABANDONED;
        count("reason." + reason);
        for (int i = start; i < at; i++) {
            w.arrive(steps.get(i));
            w.visit(steps.get(i), steps.get(i).keyNode() ? Outcome.SUCCESS : informational(steps.get(i)), null);
        }
        Touchpoint last = steps.get(at);
        w.arrive(last);
        switch (reason) {
        case FAILURE -> {
            if (rnd.nextDouble() < 0.4) {
                // a first attempt failed as well, sometimes for another reason
                w.visit(last, Outcome.FAILURE, ErrorCodes.pick(w.journey, last.code(), rnd));
            }
            w.visit(last, Outcome.FAILURE, ErrorCodes.pick(w.journey, last.code(), rnd));
        }
        case TIMEOUT -> w.visit(last, Outcome.SUCCESS, null);
        case ABANDONED -> w.visit(last, Outcome.ABANDONED, null);
        }
        // stalled: the service declares it after the key node's inactivity timeout (minutes to hours)
        Duration gap = reason == InterruptionReason.TIMEOUT ? Duration.ofMinutes(30 + rnd.nextInt(90))
                : Duration.ofSeconds(1 + rnd.nextInt(5));
        List<TouchpointVisit> visits = w.visits(now, gap);
        JourneySummary summary = w.summary(visits, JourneyStatus.INTERRUPTED, ids.get(), 0);
        List<String> errorCodes = visits.stream().map(TouchpointVisit::errorCode).filter(c -> c != null).distinct()
                .toList();
        return new JourneyInterrupted(summary, reason, visits.getLast(), errorCodes, now);
    }

    private String pickJourney() {
        int r = rnd.nextInt(totalWeight);
        for (String journey : journeys) {
            r -= WEIGHT.getOrDefault(journey, 5);
            if (r < 0) {
                return journey;
            }
        }
        return journeys.getLast();
    }

    /** One touchpoint per step of the journey, in step order (the first of a step's alternatives). */
    private List<Touchpoint> visitsOf(String journey) {
        return catalog.steps(journey).stream().map(List::getFirst).toList();
    }

    private static int indexOf(List<Touchpoint> steps, String code) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).code().equals(code)) {
                return i;
            }
        }
        return steps.size() - 1;
    }

    private static Outcome informational(Touchpoint step) {
        String code = step.code();
        return code.contains("browse") || code.contains("view") || code.contains("notice") || code.contains("detail")
                || code.contains("calculator") ? Outcome.INFO : Outcome.SUCCESS;
    }

    private void count(String key) {
        tally.merge(key, 1L, Long::sum);
    }

    /** One customer's way through a journey: the channel, who served them, and the visits in order. */
    private final class Walker {

        private record Step(Touchpoint touchpoint, String channel, Outcome outcome, String errorCode, long durationMs,
                long pauseBeforeMs, String branchId, String employeeId) {
        }

        final String journey;
        final Customer customer;
        final String productId;
        String channel;
        String branchId;
        String employeeId;
        long pause;
        final List<Step> steps = new ArrayList<>();

        Walker(String journey, Customer customer, Touchpoint first) {
            this.journey = journey;
            this.customer = customer;
            this.productId = Products.pick(journey, rnd);
            enter(Channels.pick(first.channels(), rnd), 0);
        }

        /** Moves to a channel the step is offered on, if the current one is not. */
        void arrive(Touchpoint step) {
            if (!step.allows(channel)) {
                enter(Channels.moveTo(step.channels(), channel, rnd), 0);
            }
        }

        /** Continues on {@code newChannel}, {@code pauseMs} later than the usual pause between two steps. */
        void enter(String newChannel, long pauseMs) {
            pause += pauseMs;
            channel = newChannel;
            Staffing staffing = Staffing.on(newChannel, customer, rnd);
            branchId = staffing.branchId();
            employeeId = staffing.employeeId();
        }

        void visit(Touchpoint step, Outcome outcome, String errorCode) {
            double took = Channels.stepMillis(channel, rnd);
            if (outcome == Outcome.ABANDONED) {
                took /= 3;
            }
            long before = steps.isEmpty() ? 0 : Math.max(0, pause + (long) Channels.thinkMillis(channel, rnd));
            pause = 0;
            steps.add(new Step(step, channel, outcome, errorCode, Math.round(took), before, branchId, employeeId));
        }

        /**
         * The visits, at most {@link #MAX_VISITS} (the latest) and at least {@link #MIN_VISITS} (an early step seen
         * again), timed backwards so that the last one finished {@code gap} before {@code now}.
         */
        List<TouchpointVisit> visits(Instant now, Duration gap) {
            List<Step> kept = new ArrayList<>(steps.subList(Math.max(0, steps.size() - MAX_VISITS), steps.size()));
            while (kept.size() < MIN_VISITS) {
                // looked again at the first step before going on (a second look at the offer, a re-sent invite)
                Step first = kept.getFirst();
                kept.add(1,
                        new Step(first.touchpoint(), first.channel(), informational(first.touchpoint()), null,
                                first.durationMs(), (long) Channels.thinkMillis(first.channel(), rnd), first.branchId(),
                                first.employeeId()));
            }
            long[] finished = new long[kept.size()];
            long t = now.toEpochMilli() - gap.toMillis();
            for (int i = kept.size() - 1; i >= 0; i--) {
                finished[i] = t;
                t -= kept.get(i).durationMs() + kept.get(i).pauseBeforeMs();
            }
            List<TouchpointVisit> visits = new ArrayList<>(kept.size());
            for (int i = 0; i < kept.size(); i++) {
                Step s = kept.get(i);
                visits.add(new TouchpointVisit(s.touchpoint().code(), s.channel(), s.outcome(),
                        OffsetDateTime.ofInstant(Instant.ofEpochMilli(finished[i]), LOCAL), s.durationMs(),
                        s.errorCode(), s.branchId(), s.employeeId(), productId, s.touchpoint().keyNode()));
            }
            return visits;
        }

        JourneySummary summary(List<TouchpointVisit> visits, JourneyStatus status, UUID instanceId, int interruptions) {
            LinkedHashSet<String> channels = new LinkedHashSet<>();
            visits.forEach(v -> channels.add(v.channel()));
            String phase = steps.getLast().touchpoint().phase();
            Instant first = visits.getFirst().occurredAt().toInstant().minusMillis(visits.getFirst().durationMs());
            Instant last = visits.getLast().occurredAt().toInstant();
            // one event per visit that moved it (started, key nodes, phases), one per interruption, and this one
            long revision = 1 + visits.stream().filter(v -> Boolean.TRUE.equals(v.keyNode())).count()
                    + 2L * interruptions + 1;
            return new JourneySummary(instanceId, journey, 1, customer.id(),
                    STAGE.getOrDefault(journey, LifecycleStage.RETENTION), phase, status, revision, first, last,
                    List.copyOf(channels), visits);
        }
    }

    /** Summary counters for the loadgen's JSON line: events by journey and outcome, reasons of interruptions. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        long completed = tally.entrySet().stream().filter(e -> e.getKey().endsWith(".completed"))
                .mapToLong(Map.Entry::getValue).sum();
        long interrupted = tally.entrySet().stream().filter(e -> e.getKey().endsWith(".interrupted"))
                .mapToLong(Map.Entry::getValue).sum();
        m.put("completed", completed);
        m.put("interrupted", interrupted);
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, Long> byJourney = new TreeMap<>();
        tally.forEach((k, v) -> {
            if (k.startsWith("reason.")) {
                reasons.put(k.substring("reason.".length()), v);
            } else {
                byJourney.put(k, v);
            }
        });
        m.put("reasons", reasons);
        m.put("byJourney", byJourney);
        return m;
    }
}
