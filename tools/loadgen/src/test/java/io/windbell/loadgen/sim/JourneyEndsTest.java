package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.catalog.Touchpoint;
import io.windbell.testing.ContractAssertions;

class JourneyEndsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Catalog CATALOG = CatalogJson.builtin();

    private static JourneyEnds ends(int customers, int first, double interrupted, long seed) {
        AtomicLong n = new AtomicLong();
        return new JourneyEnds(CATALOG, customers, first, interrupted, seed,
                () -> new UUID(0x4000L, n.incrementAndGet() | 0x8000000000000000L));
    }

    private static List<EventPayload> generate(JourneyEnds ends, int count) {
        List<EventPayload> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(ends.next(NOW));
        }
        return events;
    }

    private static JourneySummary summary(EventPayload e) {
        return e instanceof JourneyCompleted c ? c.journey() : ((JourneyInterrupted) e).journey();
    }

    @Test
    void everyEventValidatesAgainstItsSchema() {
        for (EventPayload e : generate(ends(500, 0, 0.4, 7), 500)) {
            EventType type = e instanceof JourneyCompleted ? EventType.JOURNEY_COMPLETED
                    : EventType.JOURNEY_INTERRUPTED;
            byte[] json = EventJson.toBytes(e);
            ContractAssertions.assertValid(type, json);
            assertThat(EventJson.read(json, e.getClass())).isEqualTo(e);
        }
    }

    @Test
    void summariesWalkTheSeededJourneysWithTheirOwnTouchpoints() {
        Map<String, Touchpoint> byCode = new HashMap<>();
        CATALOG.touchpoints().forEach(t -> byCode.put(t.code(), t));
        Set<String> journeys = new HashSet<>();
        for (EventPayload e : generate(ends(2000, 0, 0.3, 11), 2000)) {
            JourneySummary s = summary(e);
            journeys.add(s.definitionCode());
            assertThat(s.touchpoints()).hasSizeBetween(JourneyEnds.MIN_VISITS, JourneyEnds.MAX_VISITS);
            assertThat(s.definitionVersion()).isEqualTo(1);
            assertThat(s.startedAt()).isBefore(s.updatedAt());
            assertThat(s.updatedAt()).isBeforeOrEqualTo(NOW);
            assertThat(s.channels()).containsExactlyElementsOf(
                    s.touchpoints().stream().map(TouchpointVisit::channel).distinct().toList());
            TouchpointVisit previous = null;
            for (TouchpointVisit v : s.touchpoints()) {
                Touchpoint t = byCode.get(v.code());
                assertThat(t).as(v.code()).isNotNull();
                assertThat(t.journey()).isEqualTo(s.definitionCode());
                assertThat(t.channels()).contains(v.channel());
                assertThat(v.keyNode()).isEqualTo(t.keyNode());
                assertThat(v.errorCode() != null).isEqualTo(v.outcome() == Outcome.FAILURE);
                if (v.employeeId() != null) {
                    assertThat(v.employeeId()).matches("E0[0-9]{3}");
                }
                if (v.branchId() != null) {
                    assertThat(v.branchId()).matches("B0(0[1-9]|1[0-9]|20)");
                }
                if (previous != null) {
                    assertThat(v.occurredAt()).isAfter(previous.occurredAt());
                }
                previous = v;
            }
            if (e instanceof JourneyCompleted c) {
                assertThat(s.status()).isEqualTo(JourneyStatus.COMPLETED);
                assertThat(c.completedAt()).isEqualTo(s.touchpoints().getLast().occurredAt().toInstant());
                assertThat(c.durationMs()).isEqualTo(c.completedAt().toEpochMilli() - s.startedAt().toEpochMilli());
                assertThat(s.touchpoints().getLast().outcome()).isEqualTo(Outcome.SUCCESS);
                assertThat(s.touchpoints().getLast().code()).isEqualTo(JourneyGoals.completion(s.definitionCode()));
            } else {
                JourneyInterrupted i = (JourneyInterrupted) e;
                assertThat(s.status()).isEqualTo(JourneyStatus.INTERRUPTED);
                assertThat(i.lastTouchpoint()).isEqualTo(s.touchpoints().getLast());
                assertThat(i.lastTouchpoint().keyNode()).isTrue();
                assertThat(i.errorCodes()).containsExactlyElementsOf(s.touchpoints().stream()
                        .map(TouchpointVisit::errorCode).filter(c -> c != null).distinct().toList());
                Outcome expected = switch (i.reason()) {
                case FAILURE -> Outcome.FAILURE;
                case TIMEOUT -> Outcome.SUCCESS;
                case ABANDONED -> Outcome.ABANDONED;
                };
                assertThat(i.lastTouchpoint().outcome()).isEqualTo(expected);
                if (i.reason() == InterruptionReason.TIMEOUT) {
                    assertThat(Duration.between(s.updatedAt(), i.interruptedAt()))
                            .isGreaterThan(Duration.ofMinutes(29));
                }
            }
        }
        assertThat(journeys).containsExactlyInAnyOrder("ACCOUNT_OPENING", "CARD_ACTIVATION", "WEALTH_PURCHASE",
                "LOAN_APPLICATION", "TRANSFER", "COMPLAINT", "REFERRAL");
    }

    @Test
    void theMixFollowsTheInterruptedShareWithFailuresAndProducts() {
        List<EventPayload> events = generate(ends(10_000, 0, 0.3, 3), 10_000);
        long interrupted = events.stream().filter(JourneyInterrupted.class::isInstance).count();
        assertThat(interrupted).isBetween(2_700L, 3_300L);
        assertThat(events.stream().filter(JourneyInterrupted.class::isInstance)
                .map(e -> ((JourneyInterrupted) e).reason()).distinct())
                        .containsExactlyInAnyOrder(InterruptionReason.values());
        List<TouchpointVisit> visits = events.stream().flatMap(e -> summary(e).touchpoints().stream()).toList();
        assertThat(visits).anySatisfy(v -> assertThat(v.errorCode()).isNotNull());
        assertThat(visits).anySatisfy(v -> assertThat(v.productId()).startsWith("WM-"));
        assertThat(visits).anySatisfy(v -> assertThat(v.employeeId()).isNotNull());
        assertThat(events.stream().filter(JourneyCompleted.class::isInstance)
                .flatMap(e -> summary(e).touchpoints().stream()).filter(v -> v.outcome() == Outcome.FAILURE))
                        .as("completed journeys with a retried failure").isNotEmpty();
        assertThat(generate(ends(100, 0, 0, 3), 100)).allMatch(JourneyCompleted.class::isInstance);
        assertThat(generate(ends(100, 0, 1, 3), 100)).allMatch(JourneyInterrupted.class::isInstance);
    }

    @Test
    void asManyCustomersAsEventsMeansEveryoneEndsOneJourneyStartingAtTheFirstCustomer() {
        List<String> customers = generate(ends(1000, 5000, 0.3, 1), 1000).stream().map(e -> summary(e).customerId())
                .toList();
        assertThat(new HashSet<>(customers)).hasSize(1000);
        assertThat(customers.getFirst()).isEqualTo("C00005001");
        assertThat(
                new HashSet<>(generate(ends(10, 0, 0.3, 1), 100).stream().map(e -> summary(e).customerId()).toList()))
                        .hasSize(10);
    }

    @Test
    void theSameSeedGivesTheSameJourneysWithFreshIds() {
        JourneyEnds a = ends(100, 0, 0.3, 42);
        JourneyEnds b = new JourneyEnds(CATALOG, 100, 0, 0.3, 42, UUID::randomUUID);
        for (int i = 0; i < 100; i++) {
            JourneySummary sa = summary(a.next(NOW));
            JourneySummary sb = summary(b.next(NOW));
            assertThat(sa.touchpoints()).isEqualTo(sb.touchpoints());
            assertThat(sa.journeyInstanceId()).isNotEqualTo(sb.journeyInstanceId());
        }
        assertThat(a.asMap()).isEqualTo(b.asMap());
    }
}
