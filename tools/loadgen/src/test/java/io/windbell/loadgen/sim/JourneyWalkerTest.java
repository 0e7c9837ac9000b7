package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.catalog.Touchpoint;
import io.windbell.loadgen.sim.Walk.Ending;

class JourneyWalkerTest {

    private static final Catalog CATALOG = CatalogJson.builtin();
    private static final Map<String, Touchpoint> BY_CODE = new HashMap<>();

    static {
        CATALOG.touchpoints().forEach(t -> BY_CODE.put(t.code(), t));
    }

    private final Population population = new Population(500, 11);

    private static Supplier<UUID> seededIds(long seed) {
        Random random = new Random(seed);
        return () -> new UUID(random.nextLong(), random.nextLong());
    }

    /** Many walks over all journeys and many customers, from one seed. */
    private List<Walk> walks(long seed, int count) {
        JourneyWalker walker = new JourneyWalker(CATALOG, SimProfile.defaults(60), seededIds(seed));
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> journeys = CATALOG.journeyNames();
        List<Walk> walks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String journey = journeys.get(i % journeys.size());
            walks.add(walker.walk(journey, population.customer(i % population.size()), i * 1_000L, rnd));
        }
        return walks;
    }

    @Test
    void eventsFollowTheStepOrderOfTheirJourneyInTime() {
        for (Walk walk : walks(1, 3_000)) {
            assertThat(walk.events()).isNotEmpty();
            int lastStep = 0;
            long lastAt = -1;
            for (PlannedEvent planned : walk.events()) {
                Touchpoint tp = BY_CODE.get(planned.event().touchpoint());
                assertThat(tp.journey()).isEqualTo(walk.journey());
                assertThat(tp.stepOrder()).isGreaterThanOrEqualTo(lastStep);
                assertThat(planned.atMillis()).isGreaterThan(lastAt);
                assertThat(planned.event().occurredAt())
                        .isEqualTo(Trip.EPOCH.plusNanos(planned.atMillis() * 1_000_000));
                lastStep = tp.stepOrder();
                lastAt = planned.atMillis();
            }
            if (walk.ending() == Ending.COMPLETED) {
                List<List<Touchpoint>> steps = CATALOG.steps(walk.journey());
                assertThat(lastStep).isEqualTo(steps.getLast().getFirst().stepOrder());
            }
        }
    }

    @Test
    void everyEventUsesAChannelItsTouchpointAllowsAndLooksLikeAChannelAppSentIt() {
        for (Walk walk : walks(2, 3_000)) {
            for (PlannedEvent planned : walk.events()) {
                TouchpointRecorded e = planned.event();
                assertThat(BY_CODE.get(e.touchpoint()).channels()).contains(e.channel());
                assertThat(e.eventId()).isNotNull();
                assertThat(e.receivedAt()).isNull();
                assertThat(e.sessionId()).startsWith("S");
                assertThat(e.customerId() != null || e.anonymousId() != null).isTrue();
                assertThat(e.locale()).isIn("zh-CN", "en");
                assertThat(e.durationMs()).isPositive();
                assertThat(e.errorCode() != null).isEqualTo(e.outcome() == Outcome.FAILURE);
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
    void anonymousCustomersLogInOnTheSameSession() {
        int pairs = 0;
        for (Walk walk : walks(3, 3_000)) {
            List<TouchpointRecorded> events = walk.events().stream().map(PlannedEvent::event).toList();
            List<TouchpointRecorded> anonymous = events.stream().filter(e -> e.customerId() == null).toList();
            if (!walk.anonymousStart()) {
                assertThat(anonymous).isEmpty();
                continue;
            }
            assertThat(events.getFirst().customerId()).isNull();
            assertThat(events.getFirst().anonymousId()).isNotNull();
            String session = events.getFirst().sessionId();
            List<TouchpointRecorded> loggedIn = events.stream()
                    .filter(e -> e.customerId() != null && e.anonymousId() != null).toList();
            for (TouchpointRecorded e : loggedIn) {
                assertThat(e.sessionId()).isEqualTo(session);
                assertThat(e.anonymousId()).isEqualTo(events.getFirst().anonymousId());
                assertThat(e.customerId()).isEqualTo(walk.customerId());
            }
            // Once logged in, the customer stays known.
            int firstKnown = events
                    .indexOf(events.stream().filter(e -> e.customerId() != null).findFirst().orElse(null));
            if (firstKnown >= 0) {
                assertThat(events.subList(firstKnown, events.size())).allMatch(e -> e.customerId() != null);
            }
            if (!loggedIn.isEmpty()) {
                pairs++;
            }
        }
        assertThat(pairs).as("walks with an anonymous start and a login on the same session").isGreaterThan(100);
    }

    @Test
    void journeysFailAbandonStallAndSwitchInRealisticProportions() {
        List<Walk> walks = walks(4, 5_000);
        Map<Ending, Long> endings = new HashMap<>();
        walks.forEach(w -> endings.merge(w.ending(), 1L, Long::sum));
        List<TouchpointRecorded> events = walks.stream().flatMap(w -> w.events().stream()).map(PlannedEvent::event)
                .toList();

        assertThat(endings.get(Ending.COMPLETED)).isBetween(2_500L, 4_000L);
        assertThat(endings.get(Ending.ABANDONED)).isBetween(250L, 1_500L);
        assertThat(endings.get(Ending.STALLED)).isBetween(250L, 1_500L);
        assertThat(walks.stream().filter(Walk::switchedChannel).count()).isBetween(100L, 1_200L);
        assertThat(walks.stream().filter(Walk::anonymousStart).count()).isBetween(700L, 2_000L);
        assertThat(events).anyMatch(e -> "RISK_ASSESSMENT_TIMEOUT".equals(e.errorCode()))
                .anyMatch(e -> "OTP_EXPIRED".equals(e.errorCode())).anyMatch(e -> "ID_OCR_FAILED".equals(e.errorCode()))
                .anyMatch(e -> "INSUFFICIENT_BALANCE".equals(e.errorCode())).anyMatch(e -> e.outcome() == Outcome.INFO)
                .anyMatch(e -> Integer.valueOf(2).equals(e.attributes().get("attempt")));
    }

    @Test
    void aSwitchAfterTroubleContinuesTheSameJourneyInABranchOrTheCallCentre() {
        for (Walk walk : walks(5, 3_000)) {
            if (!walk.switchedChannel()) {
                continue;
            }
            List<TouchpointRecorded> events = walk.events().stream().map(PlannedEvent::event).toList();
            assertThat(events)
                    .anyMatch(e -> e.channel().equals(Channels.BRANCH) || e.channel().equals(Channels.CALL_CENTER));
            assertThat(events).allMatch(e -> walk.customerId().equals(e.customerId()) || e.customerId() == null);
            assertThat(events.stream().map(TouchpointRecorded::sessionId).distinct().count()).isGreaterThan(1);
        }
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
        SimProfile calm = new SimProfile(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 60, 20, 15_000);
        JourneyWalker walker = new JourneyWalker(tiny, calm, UUID::randomUUID);

        Walk walk = walker.walk("DEMO", population.customer(0), 0, new SplittableRandom(1));

        assertThat(walk.ending()).isEqualTo(Ending.COMPLETED);
        assertThat(walk.switchedChannel()).isFalse();
        assertThat(walk.events()).extracting(p -> p.event().touchpoint() + "@" + p.event().channel())
                .containsExactly("demo.start@MOBILE_APP", "demo.counter@BRANCH");
        assertThat(walk.events().get(0).event().sessionId()).isNotEqualTo(walk.events().get(1).event().sessionId());
    }
}
