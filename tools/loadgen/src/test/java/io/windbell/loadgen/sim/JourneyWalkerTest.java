package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.catalog.Touchpoint;
import io.windbell.loadgen.sim.Walk.Ending;
import io.windbell.loadgen.sim.Walk.Recovery;

class JourneyWalkerTest {

    private static final Catalog CATALOG = CatalogJson.builtin();
    private static final Map<String, Touchpoint> BY_CODE = new HashMap<>();
    private static final SimProfile DEFAULTS = SimProfile.defaults(60);

    static {
        CATALOG.touchpoints().forEach(t -> BY_CODE.put(t.code(), t));
    }

    private final Population population = new Population(500, 11);

    private static Supplier<UUID> seededIds(long seed) {
        Random random = new Random(seed);
        return () -> new UUID(random.nextLong(), random.nextLong());
    }

    /** Many walks over all journeys and many customers, from one seed. */
    private List<Walk> walks(long seed, int count, SimProfile profile) {
        JourneyWalker walker = new JourneyWalker(CATALOG, profile, seededIds(seed));
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> journeys = CATALOG.journeyNames();
        List<Walk> walks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String journey = journeys.get(i % journeys.size());
            walks.add(walker.walk(journey, population.customer(i % population.size()), i * 1_000L, rnd));
        }
        return walks;
    }

    private List<Walk> walks(long seed, int count) {
        return walks(seed, count, DEFAULTS);
    }

    private static List<TouchpointRecorded> events(Walk walk) {
        return walk.events().stream().map(PlannedEvent::event).toList();
    }

    private static Touchpoint tp(TouchpointRecorded e) {
        return BY_CODE.get(e.touchpoint());
    }

    private static int goalOrder(String journey) {
        return BY_CODE.get(JourneyGoals.completion(journey)).stepOrder();
    }

    private static long count(List<Walk> walks, Predicate<Walk> which) {
        return walks.stream().filter(which).count();
    }

    @Test
    void theBuiltinCatalogHasAStartAndAGoalForEveryJourney() {
        assertThat(CATALOG.journeyNames()).allSatisfy(journey -> {
            assertThat(JourneyGoals.starts(journey)).isNotEmpty()
                    .allSatisfy(code -> assertThat(BY_CODE).containsKey(code));
            assertThat(BY_CODE).containsKey(JourneyGoals.completion(journey));
        });
    }

    @Test
    void everyEventIsOneIngestAccepts() {
        for (Walk walk : walks(2, 3_000)) {
            for (TouchpointRecorded e : events(walk)) {
                Touchpoint tp = tp(e);
                assertThat(tp).as(e.touchpoint()).isNotNull();
                assertThat(tp.journey()).isEqualTo(walk.journey());
                assertThat(tp.channels()).as(e.touchpoint()).contains(e.channel());
                assertThat(e.eventId()).isNotNull();
                assertThat(e.receivedAt()).isNull();
                assertThat(e.sessionId()).startsWith("S");
                assertThat(e.customerId() != null || e.anonymousId() != null).isTrue();
                assertThat(e.locale()).isIn("zh-CN", "en");
                assertThat(e.durationMs()).isPositive();
                assertThat(e.errorCode() != null).isEqualTo(e.outcome() == Outcome.FAILURE);
                assertThat(e.attributes()).hasSizeLessThanOrEqualTo(32);
                // tier and home branch only for a logged-in customer: the app knows nothing of an anonymous visitor
                if (e.customerId() != null) {
                    assertThat(e.attributes().get("customerTier")).isIn("mass", "affluent", "private");
                    assertThat((String) e.attributes().get("homeBranchId")).matches("B0(0[1-9]|1[0-9]|20)");
                } else {
                    assertThat(e.attributes()).doesNotContainKeys("customerTier", "homeBranchId");
                }
                switch (e.channel()) {
                case Channels.BRANCH, Channels.RM_VISIT -> {
                    assertThat(e.branchId()).matches("B0(0[1-9]|1[0-9]|20)");
                    assertThat(e.employeeId()).matches("E0[0-1][0-9]{2}|E0200");
                }
                case Channels.CALL_CENTER -> assertThat(e.employeeId()).matches("E08[0-9]{2}");
                case Channels.ATM -> assertThat(e.branchId()).startsWith("B");
                default -> assertThat(e.branchId()).isNull();
                }
                if (List.of("WEALTH_PURCHASE", "LOAN_APPLICATION", "CARD_ACTIVATION").contains(walk.journey())) {
                    assertThat(e.productId()).matches("(WM|LN|CC)-.+");
                } else {
                    assertThat(e.productId()).isNull();
                }
            }
        }
    }

    @Test
    void walksGoFromAStartTouchpointTowardsTheGoalInStepOrderAndInTime() {
        for (Walk walk : walks(1, 3_000)) {
            List<TouchpointRecorded> events = events(walk);
            assertThat(JourneyGoals.starts(walk.journey())).contains(events.getFirst().touchpoint());
            int lastStep = 0;
            long lastAt = -1;
            for (PlannedEvent planned : walk.events()) {
                assertThat(planned.atMillis()).isGreaterThan(lastAt).isEqualTo(planned.occurredMillis());
                assertThat(planned.event().occurredAt())
                        .isEqualTo(Trip.EPOCH.plusNanos(planned.atMillis() * 1_000_000));
                assertThat(tp(planned.event()).stepOrder()).isGreaterThanOrEqualTo(lastStep);
                lastStep = tp(planned.event()).stepOrder();
                lastAt = planned.atMillis();
            }
            String goal = JourneyGoals.completion(walk.journey());
            boolean reachedGoal = events.stream()
                    .anyMatch(e -> e.touchpoint().equals(goal) && e.outcome() == Outcome.SUCCESS);
            assertThat(reachedGoal).as("%s %s", walk.journey(), walk.ending())
                    .isEqualTo(walk.ending() == Ending.COMPLETED);
            // after the goal only visits that succeed (holdings viewed, first repayment)
            events.stream().filter(e -> tp(e).stepOrder() > goalOrder(walk.journey()))
                    .forEach(e -> assertThat(e.outcome()).isIn(Outcome.SUCCESS, Outcome.INFO));
        }
    }

    @Test
    void eachEndingLooksLikeWhatTheJourneyServiceDetects() {
        int[] seen = new int[Ending.values().length];
        for (Walk walk : walks(3, 5_000)) {
            List<TouchpointRecorded> events = events(walk);
            TouchpointRecorded last = events.getLast();
            seen[walk.ending().ordinal()]++;
            switch (walk.ending()) {
            case FAILED -> {
                assertThat(walk.recovery()).isEqualTo(Recovery.STOPPED);
                assertThat(last.outcome()).isEqualTo(Outcome.FAILURE);
                assertThat(tp(last).keyNode()).as(last.touchpoint()).isTrue();
            }
            case ABANDONED -> {
                assertThat(last.outcome()).isEqualTo(Outcome.ABANDONED);
                assertThat(tp(last).stepOrder()).isLessThan(goalOrder(walk.journey()))
                        .isGreaterThan(tp(events.getFirst()).stepOrder());
            }
            case STALLED -> {
                assertThat(last.outcome()).isEqualTo(Outcome.SUCCESS);
                assertThat(tp(last).keyNode()).as(last.touchpoint()).isTrue();
                assertThat(tp(last).stepOrder()).isLessThan(goalOrder(walk.journey()));
            }
            case COMPLETED -> assertThat(walk.recovery()).isNotEqualTo(Recovery.STOPPED);
            }
            assertThat(events).filteredOn(e -> e.outcome() == Outcome.ABANDONED)
                    .hasSize(walk.ending() == Ending.ABANDONED ? 1 : 0);
            assertThat(events).filteredOn(e -> e.outcome() == Outcome.FAILURE)
                    .hasSize(walk.recovery() == Recovery.NONE ? 0 : 1)
                    .allSatisfy(e -> assertThat(tp(e).keyNode()).isTrue());
        }
        assertThat(seen).doesNotContain(0);
    }

    @Test
    void afterAFailureTheCustomerRetriesOrGoesToAPersonOrStops() {
        int retried = 0;
        int switched = 0;
        for (Walk walk : walks(4, 5_000)) {
            List<TouchpointRecorded> events = events(walk);
            int failure = -1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).outcome() == Outcome.FAILURE) {
                    failure = i;
                }
            }
            if (walk.recovery() == Recovery.NONE || walk.recovery() == Recovery.STOPPED) {
                continue;
            }
            TouchpointRecorded failed = events.get(failure);
            TouchpointRecorded next = events.get(failure + 1);
            if (walk.recovery() == Recovery.RETRIED) {
                retried++;
                assertThat(next.touchpoint()).isEqualTo(failed.touchpoint());
                assertThat(next.channel()).isEqualTo(failed.channel());
                assertThat(next.outcome()).isEqualTo(Outcome.SUCCESS);
                assertThat(next.attributes()).containsEntry("attempt", 2);
            } else {
                switched++;
                assertThat(walk.switchedChannel()).isTrue();
                assertThat(next.channel()).isIn(Channels.BRANCH, Channels.CALL_CENTER, Channels.RM_VISIT)
                        .isNotEqualTo(failed.channel());
                assertThat(next.sessionId()).isNotEqualTo(failed.sessionId());
                assertThat(next.customerId()).isEqualTo(walk.customerId());
                assertThat(tp(next).stepOrder()).isGreaterThanOrEqualTo(tp(failed).stepOrder());
            }
        }
        assertThat(retried).isGreaterThan(100);
        assertThat(switched).isGreaterThan(100);
    }

    @Test
    void theDefaultMixFollowsTheProfile() {
        List<Walk> walks = walks(5, 20_000);
        double n = walks.size();
        long failed = count(walks, w -> w.recovery() != Recovery.NONE);
        assertThat(failed / n).isCloseTo(SimProfile.FAIL, within(0.015));
        assertThat(count(walks, w -> w.ending() == Ending.ABANDONED) / n).isCloseTo(SimProfile.ABANDON, within(0.012));
        assertThat(count(walks, w -> w.ending() == Ending.STALLED) / n).isCloseTo(SimProfile.STALL, within(0.012));
        assertThat(count(walks, w -> w.recovery() == Recovery.STOPPED) / (double) failed)
                .isCloseTo(1 - SimProfile.RETRY - SimProfile.SWITCH, within(0.04));
        // a few failures cannot be taken to a person (a referral has no assisted channel): those retry instead
        assertThat(count(walks, w -> w.recovery() == Recovery.SWITCHED) / (double) failed).isBetween(0.27,
                SimProfile.SWITCH + 0.04);

        List<Walk> digital = walks.stream().filter(w -> Channels.digital(w.events().getFirst().event().channel()))
                .toList();
        assertThat(count(digital, Walk::anonymousStart) / (double) digital.size()).isCloseTo(SimProfile.ANONYMOUS,
                within(0.02));
        assertThat(count(walks, Walk::anonymousStart)).isEqualTo(count(digital, Walk::anonymousStart));
    }

    @Test
    void configuredSharesAreHonoured() {
        SimProfile heavy = SimProfile.shares(0.5, 0.2, 0.3, 0.2, 0.2, 1.0, 0, 0, 60);
        List<Walk> walks = walks(6, 10_000, heavy);
        double n = walks.size();
        assertThat(count(walks, w -> w.recovery() != Recovery.NONE) / n).isCloseTo(0.5, within(0.02));
        assertThat(count(walks, w -> w.ending() == Ending.ABANDONED) / n).isCloseTo(0.2, within(0.02));
        assertThat(count(walks, w -> w.ending() == Ending.STALLED) / n).isCloseTo(0.2, within(0.02));
        assertThat(count(walks, w -> w.ending() == Ending.COMPLETED && w.recovery() == Recovery.NONE) / n)
                .isCloseTo(0.1, within(0.02));

        SimProfile calm = SimProfile.shares(0, 0, 0, 0, 0, 0, 0, 0, 60);
        List<Walk> smooth = walks(6, 2_000, calm);
        assertThat(smooth).allSatisfy(w -> {
            assertThat(w.ending()).isEqualTo(Ending.COMPLETED);
            assertThat(w.anonymousStart()).isFalse();
            assertThat(w.sends()).isEqualTo(w.events());
            assertThat(events(w)).allMatch(e -> e.outcome() == Outcome.SUCCESS || e.outcome() == Outcome.INFO);
        });
    }

    @Test
    void anonymousStartsLogInWithOneEventCarryingBothIdsThenTheCustomerIdOnly() {
        int logins = 0;
        for (Walk walk : walks(7, 5_000)) {
            List<TouchpointRecorded> events = events(walk);
            if (!walk.anonymousStart()) {
                assertThat(events).allMatch(e -> e.anonymousId() == null && walk.customerId().equals(e.customerId()));
                continue;
            }
            TouchpointRecorded first = events.getFirst();
            assertThat(first.customerId()).isNull();
            assertThat(first.anonymousId()).startsWith("dev-");
            assertThat(Channels.digital(first.channel())).isTrue();
            List<TouchpointRecorded> both = events.stream()
                    .filter(e -> e.customerId() != null && e.anonymousId() != null).toList();
            assertThat(both).hasSizeLessThanOrEqualTo(1);
            assertThat(walk.loggedIn()).isEqualTo(both.size() == 1);
            int known = -1;
            for (int i = 0; i < events.size(); i++) {
                TouchpointRecorded e = events.get(i);
                if (known < 0 && e.customerId() != null) {
                    known = i;
                }
                if (known < 0) {
                    assertThat(e.anonymousId()).isEqualTo(first.anonymousId());
                    assertThat(e.sessionId()).isEqualTo(first.sessionId());
                } else {
                    assertThat(e.customerId()).as("once known, always known").isEqualTo(walk.customerId());
                    if (i > known) {
                        assertThat(e.anonymousId()).as("after the login the customer id only").isNull();
                    }
                }
            }
            if (walk.loggedIn()) {
                logins++;
                TouchpointRecorded login = both.getFirst();
                assertThat(login.anonymousId()).isEqualTo(first.anonymousId());
                assertThat(login.customerId()).isEqualTo(walk.customerId());
                assertThat(login.sessionId()).isEqualTo(first.sessionId());
            }
        }
        assertThat(logins).as("walks with an anonymous start and a login on the same session").isGreaterThan(500);
    }

    @Test
    void failuresCarryRealisticErrorCodes() {
        List<TouchpointRecorded> failures = walks(8, 10_000).stream().flatMap(w -> events(w).stream())
                .filter(e -> e.outcome() == Outcome.FAILURE).toList();
        assertThat(failures).isNotEmpty()
                .allSatisfy(e -> assertThat(e.errorCode()).matches("[A-Z]+(-[A-Z0-9]+)+").hasSizeLessThan(64));
        assertThat(failures).extracting(TouchpointRecorded::errorCode).contains("RA-TIMEOUT-504", "OCR-BLUR",
                "OTP-EXPIRED", "BALANCE-INSUFFICIENT", "FACE-MISMATCH");
        assertThat(failures).filteredOn(e -> e.touchpoint().equals("wealth.risk_assessment"))
                .extracting(TouchpointRecorded::errorCode).contains("RA-TIMEOUT-504");
    }

    @Test
    void someJourneysBeginAtTheirSecondStartTouchpoint() {
        List<Walk> cards = walks(9, 7_000).stream().filter(w -> w.journey().equals("CARD_ACTIVATION")).toList();
        assertThat(cards).extracting(w -> w.events().getFirst().event().touchpoint()).contains("card.delivery_notice",
                "card.activation_start");
    }

    @Test
    void sameSeedSameWalksDifferentSeedDifferentWalks() {
        assertThat(walks(42, 300)).isEqualTo(walks(42, 300));
        assertThat(walks(42, 300)).isNotEqualTo(walks(43, 300));
    }

    @Test
    void aStepNotOfferedOnTheCurrentChannelMovesTheCustomer() {
        Catalog tiny = Catalog.of(List.of(
                new Touchpoint("demo.start", "Start", "开始", "DEMO", 1, "P", false, List.of(Channels.MOBILE_APP), true),
                new Touchpoint("demo.counter", "Counter", "柜台", "DEMO", 2, "P", false, List.of(Channels.BRANCH), true),
                new Touchpoint("demo.retired", "Old", "旧", "DEMO", 3, "P", false, List.of(Channels.WEB), false)));
        SimProfile calm = SimProfile.shares(0, 0, 0, 0, 0, 0, 0, 0, 60);
        JourneyWalker walker = new JourneyWalker(tiny, calm, UUID::randomUUID);

        Walk walk = walker.walk("DEMO", population.customer(0), 0, new SplittableRandom(1));

        assertThat(walk.ending()).isEqualTo(Ending.COMPLETED);
        assertThat(walk.switchedChannel()).isFalse();
        assertThat(walk.events()).extracting(p -> p.event().touchpoint() + "@" + p.event().channel())
                .containsExactly("demo.start@MOBILE_APP", "demo.counter@BRANCH");
        assertThat(walk.events().get(0).event().sessionId()).isNotEqualTo(walk.events().get(1).event().sessionId());
    }
}
