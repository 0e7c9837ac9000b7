package io.windbell.journey;

import static io.windbell.journey.support.Journeys.LATENESS;
import static io.windbell.journey.support.Journeys.WEALTH;
import static io.windbell.journey.support.Journeys.days;
import static io.windbell.journey.support.Journeys.hours;
import static io.windbell.journey.support.Journeys.minutes;
import static io.windbell.journey.support.Journeys.time;
import static io.windbell.journey.support.Journeys.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyProgressed.Kind;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.journey.JourneyInstance.Applied;
import io.windbell.journey.JourneyInstance.Deadline;
import io.windbell.journey.JourneyInstance.Pending;
import io.windbell.journey.support.Journeys.Tp;
import io.windbell.testing.ContractAssertions;

/** The journey state machine on hard sequences: arrival order, lateness, clocks, channel switches, resumption. */
class JourneyInstanceTest {

    /** Everything any test drained; each must validate against its schema. */
    private final List<EventPayload> emitted = new ArrayList<>();

    @AfterEach
    void everyDrainedEventValidatesAgainstItsSchema() {
        emitted.forEach(JourneyInstanceTest::assertSchemaValid);
    }

    @Test
    void happyPathEmitsStartedThenMilestonesThenCompletedWithConsecutiveRevisions() {
        JourneyInstance journey = start(tp("wealth.product_browse"));

        List<EventPayload> started = drain(journey);
        assertThat(started).singleElement().isInstanceOfSatisfying(JourneyStarted.class, e -> {
            assertThat(e.anonymousId()).isNull();
            assertThat(e.journey().revision()).isEqualTo(1);
            assertThat(e.journey().customerId()).isEqualTo("C1");
            // the started event stands for the phase entered by the first visit: no PHASE_ENTERED of its own
            assertThat(e.journey().phase()).isEqualTo("BEFORE_INVESTING");
            assertThat(e.journey().status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        });

        apply(journey, tp("wealth.product_detail").at(minutes(5)));
        assertThat(drain(journey)).isEmpty();

        apply(journey, tp("wealth.risk_assessment").at(minutes(10)));
        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyProgressed.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.KEY_NODE_REACHED);
            assertThat(e.keyNode()).isEqualTo("wealth.risk_assessment");
            assertThat(e.previousPhase()).isNull();
            assertThat(e.reachedAt()).isEqualTo(time(minutes(10)));
            assertThat(e.journey().revision()).isEqualTo(2);
        });

        apply(journey, tp("wealth.order_submit").at(minutes(20)));
        List<EventPayload> order = drain(journey);
        assertThat(order)
                .extracting(e -> ((JourneyProgressed) e).kind(), e -> ((JourneyProgressed) e).previousPhase(),
                        e -> ((JourneyProgressed) e).keyNode(), e -> ((JourneyProgressed) e).journey().phase(),
                        e -> ((JourneyProgressed) e).journey().revision())
                .containsExactly(tuple(Kind.PHASE_ENTERED, "BEFORE_INVESTING", null, "DURING_INVESTING", 3L),
                        tuple(Kind.KEY_NODE_REACHED, null, "wealth.order_submit", "DURING_INVESTING", 4L));

        apply(journey, tp("wealth.payment_confirm").at(minutes(25)));
        assertThat(drain(journey))
                .extracting(e -> ((JourneyProgressed) e).keyNode(), e -> ((JourneyProgressed) e).journey().revision())
                .containsExactly(tuple("wealth.payment_confirm", 5L));

        apply(journey, tp("wealth.purchase_success").at(minutes(26)));
        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyCompleted.class, e -> {
            assertThat(e.completedAt()).isEqualTo(time(minutes(26)));
            assertThat(e.durationMs()).isEqualTo(minutes(26).toMillis());
            assertThat(e.interruptions()).isZero();
            assertThat(e.journey().revision()).isEqualTo(6);
            assertThat(e.journey().status()).isEqualTo(JourneyStatus.COMPLETED);
            assertThat(e.journey().touchpoints()).hasSize(6);
        });
        assertThat(journey.status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(journey.closed()).isTrue();
        assertThat(journey.pending()).isEmpty();
        assertThat(journey.nextDeadline()).isEmpty();
    }

    @Test
    void outOfOrderArrivalEndsInTheSameJourneyAsInOrderWithoutDuplicateMilestones() {
        List<Tp> happened = List.of(tp("wealth.product_browse").at(minutes(0)),
                tp("wealth.product_detail").at(minutes(2)).channel("WEB"), tp("wealth.risk_assessment").at(minutes(4)),
                tp("wealth.order_submit").at(minutes(6)).channel("BRANCH"),
                tp("wealth.payment_confirm").at(minutes(8)).channel("BRANCH"),
                tp("wealth.purchase_success").at(minutes(9)));
        // every straggler is within the lateness bound of the latest activity when it arrives
        List<Tp> arrived = List.of(happened.get(1), happened.get(3), happened.get(0), happened.get(2), happened.get(4),
                happened.get(5));
        UUID id = UUID.randomUUID();
        Instant now = time(minutes(30));

        JourneyInstance inOrder = replay(id, happened, now);
        List<EventPayload> inOrderEvents = drain(inOrder);
        JourneyInstance shuffled = replay(id, arrived, now);
        List<EventPayload> shuffledEvents = drain(shuffled);

        assertThat(shuffled.summary()).isEqualTo(inOrder.summary());
        assertThat(shuffled.summary().channels()).containsExactly("MOBILE_APP", "WEB", "BRANCH");
        assertThat(shuffled.summary().touchpoints()).extracting(v -> v.code()).containsExactly("wealth.product_browse",
                "wealth.product_detail", "wealth.risk_assessment", "wealth.order_submit", "wealth.payment_confirm",
                "wealth.purchase_success");
        assertThat(shuffled.startedAt()).isEqualTo(time(minutes(0)));
        assertThat(shuffled.status()).isEqualTo(JourneyStatus.COMPLETED);

        assertThat(milestones(shuffledEvents)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(milestones(inOrderEvents))
                .contains(tuple(Kind.PHASE_ENTERED, "BEFORE_INVESTING", null, time(minutes(6))),
                        tuple(Kind.KEY_NODE_REACHED, null, "wealth.risk_assessment", time(minutes(4))));
        assertThat(shuffledEvents).hasSameSizeAs(inOrderEvents);
        assertThat(shuffledEvents.getLast()).isInstanceOfSatisfying(JourneyCompleted.class,
                e -> assertThat(e.durationMs()).isEqualTo(minutes(9).toMillis()));
    }

    @Test
    void aDuplicateVisitIsKeptTwiceButAnnouncesNothingAgain() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        Tp risk = tp("wealth.risk_assessment").at(minutes(10));
        apply(journey, risk);
        drain(journey);
        long revision = journey.revision();
        Pending pending = journey.pending().orElseThrow();

        // the inbox drops redeliveries upstream; if one got through anyway, it is only a second timeline entry
        assertThat(apply(journey, risk)).isEqualTo(Applied.APPLIED);

        assertThat(drain(journey)).isEmpty();
        assertThat(journey.revision()).isEqualTo(revision);
        assertThat(journey.pending()).contains(pending);
        assertThat(journey.channelSwitches()).isZero();
        assertThat(journey.visits()).filteredOn(v -> v.touchpoint().equals("wealth.risk_assessment")).hasSize(2);

        Tp success = tp("wealth.purchase_success").at(minutes(20));
        apply(journey, success);
        assertThat(drain(journey)).filteredOn(JourneyCompleted.class::isInstance).hasSize(1);
        assertThat(apply(journey, success)).isEqualTo(Applied.AFTER_COMPLETION);
        assertThat(drain(journey)).isEmpty();
    }

    @Test
    void aVisitBeyondTheLatenessBoundIsLateAndChangesNothing() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.product_detail").at(minutes(30)));
        drain(journey);
        JourneyState before = journey.state();

        Applied late = journey.apply(tp("wealth.risk_assessment").at(minutes(19)).channel("WEB").visit(WEALTH),
                time(hours(1)), LATENESS);

        assertThat(late).isEqualTo(Applied.LATE);
        assertThat(journey.state()).isEqualTo(before);
        assertThat(drain(journey)).isEmpty();
        assertThat(journey.pending()).isEmpty();

        // exactly at the bound it still counts
        assertThat(apply(journey, tp("wealth.risk_assessment").at(minutes(20)))).isEqualTo(Applied.APPLIED);
        assertThat(drain(journey)).singleElement().isInstanceOf(JourneyProgressed.class);
        assertThat(journey.lastActivityAt()).isEqualTo(time(minutes(30)));
    }

    @Test
    void restingAfterAKeyNodeInterruptsWithTimeoutAtTheDueTimeNotWhenTheTimerRuns() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        Tp risk = tp("wealth.risk_assessment").at(minutes(10));
        apply(journey, risk);
        drain(journey);
        Instant due = time(minutes(10).plus(hours(2)));
        assertThat(journey.nextDeadline()).contains(new Deadline(due, "TIMEOUT"));

        assertThat(journey.onTimer(due.minusSeconds(1))).isFalse();
        assertThat(drain(journey)).isEmpty();
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);

        assertThat(journey.onTimer(due.plus(minutes(7)))).isTrue();
        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyInterrupted.class, e -> {
            assertThat(e.reason()).isEqualTo(InterruptionReason.TIMEOUT);
            assertThat(e.interruptedAt()).isEqualTo(due);
            assertThat(e.lastTouchpoint()).isEqualTo(risk.visit(WEALTH).toContract(WEALTH));
            assertThat(e.errorCodes()).isEmpty();
            assertThat(e.journey().status()).isEqualTo(JourneyStatus.INTERRUPTED);
            assertThat(e.journey().revision()).isEqualTo(3);
        });
        assertThat(journey.interruptions()).isEqualTo(1);
        assertThat(journey.openInterruption()).hasValueSatisfying(i -> assertThat(i.interruptedAt()).isEqualTo(due));
        assertThat(journey.nextDeadline()).contains(new Deadline(time(days(7)), "MAX_DURATION"));

        assertThat(journey.onTimer(due.plus(hours(1)))).isFalse();
        assertThat(drain(journey)).isEmpty();
    }

    @Test
    void aFailureRetriedSuccessfullyInsideTheGraceWindowIsNoInterruption() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.risk_assessment").at(minutes(10)).failed("RISK_SVC_503"));
        assertThat(journey.pending()).hasValueSatisfying(p -> {
            assertThat(p.reason()).isEqualTo(InterruptionReason.FAILURE);
            assertThat(p.dueAt()).isEqualTo(time(minutes(70)));
        });
        assertThat(drain(journey)).hasSize(1); // started only: a failure reaches no key node

        apply(journey, tp("wealth.risk_assessment").at(minutes(40)));

        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyProgressed.class,
                e -> assertThat(e.keyNode()).isEqualTo("wealth.risk_assessment"));
        assertThat(journey.channelSwitches()).isZero();
        assertThat(journey.pending()).hasValueSatisfying(p -> {
            assertThat(p.reason()).isEqualTo(InterruptionReason.TIMEOUT);
            assertThat(p.dueAt()).isEqualTo(time(minutes(40).plus(hours(2))));
        });
        assertThat(journey.onTimer(time(minutes(71)))).isFalse();
        assertThat(drain(journey)).isEmpty();
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
    }

    @Test
    void failuresNotRetriedInterruptWithDistinctErrorCodesInTheOrderTheyHappened() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.risk_assessment").at(minutes(12)).failed("E_SYS"));
        apply(journey, tp("wealth.risk_assessment").at(minutes(10)).failed("E_NET")); // arrives late, within bound
        Tp last = tp("wealth.risk_assessment").at(minutes(14)).failed("E_NET");
        apply(journey, last);
        drain(journey);
        Instant due = time(minutes(14).plus(hours(1)));
        assertThat(journey.nextDeadline()).contains(new Deadline(due, "FAILURE"));

        assertThat(journey.onTimer(due)).isTrue();

        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyInterrupted.class, e -> {
            assertThat(e.reason()).isEqualTo(InterruptionReason.FAILURE);
            assertThat(e.interruptedAt()).isEqualTo(due);
            assertThat(e.lastTouchpoint()).isEqualTo(last.visit(WEALTH).toContract(WEALTH));
            assertThat(e.errorCodes()).containsExactly("E_NET", "E_SYS");
        });
    }

    @Test
    void abandonedInTheAppThenContinuedInTheBranchInsideTheGraceWindowIsAChannelSwitch() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.risk_assessment").at(minutes(10)));
        apply(journey, tp("wealth.order_submit").at(minutes(20)).abandoned());
        assertThat(journey.nextDeadline()).contains(new Deadline(time(minutes(80)), "ABANDONED"));
        assertThat(journey.phase()).isEqualTo("BEFORE_INVESTING"); // abandoning the order does not reach it
        drain(journey);

        apply(journey, tp("wealth.order_submit").at(minutes(45)).channel("BRANCH"));

        assertThat(journey.channelSwitches()).isEqualTo(1);
        assertThat(drain(journey)).extracting(e -> ((JourneyProgressed) e).kind()).containsExactly(Kind.PHASE_ENTERED,
                Kind.KEY_NODE_REACHED);
        assertThat(journey.nextDeadline()).contains(new Deadline(time(minutes(75)), "TIMEOUT"));
        assertThat(journey.onTimer(time(minutes(74)))).isFalse();
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        assertThat(journey.interruptions()).isZero();
    }

    @Test
    void abandonedThenTheGraceWindowPassesThenTheBranchResumesWithAChannelSwitch() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        Tp abandoned = tp("wealth.order_submit").at(minutes(20)).abandoned();
        apply(journey, abandoned);
        drain(journey);

        assertThat(journey.onTimer(time(minutes(80)))).isTrue();
        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyInterrupted.class, e -> {
            assertThat(e.reason()).isEqualTo(InterruptionReason.ABANDONED);
            assertThat(e.interruptedAt()).isEqualTo(time(minutes(80)));
            assertThat(e.lastTouchpoint()).isEqualTo(abandoned.visit(WEALTH).toContract(WEALTH));
        });

        Tp branch = tp("wealth.order_submit").at(hours(3)).channel("BRANCH");
        apply(journey, branch);

        List<EventPayload> events = drain(journey);
        assertThat(events.getFirst()).isInstanceOfSatisfying(JourneyResumed.class, e -> {
            assertThat(e.previousReason()).isEqualTo(InterruptionReason.ABANDONED);
            assertThat(e.interruptedAt()).isEqualTo(time(minutes(80)));
            assertThat(e.resumedAt()).isEqualTo(time(hours(3)));
            assertThat(e.resumedTouchpoint()).isEqualTo(branch.visit(WEALTH).toContract(WEALTH));
            assertThat(e.channelSwitched()).isTrue();
            assertThat(e.journey().status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        });
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        assertThat(journey.openInterruption()).isEmpty();

        // inside the order's 30 minutes: no second interruption
        apply(journey, tp("wealth.purchase_success").at(hours(3).plus(minutes(20))).channel("BRANCH"));
        assertThat(drain(journey).getLast()).isInstanceOfSatisfying(JourneyCompleted.class,
                e -> assertThat(e.interruptions()).isEqualTo(1));
    }

    @Test
    void aVisitAfterTheGraceWindowBeforeTheTimerRanStillCountsTheInterruption() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        Tp abandoned = tp("wealth.order_submit").at(minutes(20)).abandoned();
        apply(journey, abandoned);
        drain(journey);

        // the consumer sees the branch visit before the timer poller saw the window pass
        apply(journey, tp("wealth.order_submit").at(hours(2)).channel("BRANCH"));

        List<EventPayload> events = drain(journey);
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(JourneyInterrupted.class, e -> {
            assertThat(e.reason()).isEqualTo(InterruptionReason.ABANDONED);
            assertThat(e.interruptedAt()).isEqualTo(time(minutes(80)));
            assertThat(e.lastTouchpoint()).isEqualTo(abandoned.visit(WEALTH).toContract(WEALTH));
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(JourneyResumed.class, e -> {
            assertThat(e.resumedAt()).isEqualTo(time(hours(2)));
            assertThat(e.channelSwitched()).isTrue();
        });
        assertThat(journey.interruptions()).isEqualTo(1);
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
    }

    @Test
    void resumingOnTheChannelItWasInterruptedOnIsNoChannelSwitch() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.risk_assessment").at(minutes(10)));
        journey.onTimer(time(hours(3)));
        drain(journey);
        assertThat(journey.status()).isEqualTo(JourneyStatus.INTERRUPTED);

        // leaving again does not resume
        apply(journey, tp("wealth.order_submit").at(hours(4)).abandoned());
        assertThat(drain(journey)).isEmpty();
        assertThat(journey.status()).isEqualTo(JourneyStatus.INTERRUPTED);
        assertThat(journey.pending()).isEmpty();

        apply(journey, tp("wealth.order_submit").at(hours(5)));

        assertThat(drain(journey).getFirst()).isInstanceOfSatisfying(JourneyResumed.class, e -> {
            assertThat(e.previousReason()).isEqualTo(InterruptionReason.TIMEOUT);
            assertThat(e.interruptedAt()).isEqualTo(time(minutes(130)));
            assertThat(e.channelSwitched()).isFalse();
        });
        assertThat(journey.channelSwitches()).isZero();
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
    }

    @Test
    void anInProgressJourneyPastItsMaximumDurationIsInterruptedByTimeoutAndClosed() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        Tp detail = tp("wealth.product_detail").at(minutes(1));
        apply(journey, detail);
        drain(journey);
        assertThat(journey.pending()).isEmpty(); // no key node yet: nothing to wait for but the maximum
        assertThat(journey.nextDeadline()).contains(new Deadline(time(days(7)), "MAX_DURATION"));

        assertThat(journey.onTimer(time(days(7)).minusSeconds(1))).isFalse();
        assertThat(journey.onTimer(time(days(7)))).isTrue();

        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyInterrupted.class, e -> {
            assertThat(e.reason()).isEqualTo(InterruptionReason.TIMEOUT);
            assertThat(e.interruptedAt()).isEqualTo(time(days(7)));
            assertThat(e.lastTouchpoint()).isEqualTo(detail.visit(WEALTH).toContract(WEALTH));
        });
        assertThat(journey.closed()).isTrue();
        assertThat(journey.nextDeadline()).isEmpty();
        assertThat(journey.onTimer(time(days(8)))).isFalse();
    }

    @Test
    void anInterruptedJourneyPastItsMaximumDurationJustCloses() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.risk_assessment").at(minutes(10)));
        journey.onTimer(time(hours(3)));
        drain(journey);

        assertThat(journey.onTimer(time(days(7)))).isTrue();

        assertThat(drain(journey)).isEmpty();
        assertThat(journey.closed()).isTrue();
        assertThat(journey.status()).isEqualTo(JourneyStatus.INTERRUPTED);
        assertThat(journey.interruptions()).isEqualTo(1);
    }

    @Test
    void aTimerThatRunsLatePastBothClocksReportsTheEarlierInterruptionAsItWas() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.risk_assessment").at(minutes(10)).failed("E_SYS"));
        drain(journey);

        assertThat(journey.onTimer(time(days(8)))).isTrue();

        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyInterrupted.class, e -> {
            assertThat(e.reason()).isEqualTo(InterruptionReason.FAILURE);
            assertThat(e.interruptedAt()).isEqualTo(time(minutes(70)));
            assertThat(e.errorCodes()).containsExactly("E_SYS");
        });
        assertThat(journey.closed()).isTrue();
    }

    @Test
    void aVisitAfterCompletionIsKeptButChangesNothing() {
        JourneyInstance journey = start(tp("wealth.product_browse"));
        apply(journey, tp("wealth.purchase_success").at(minutes(5)));
        drain(journey);
        JourneySummary completed = journey.summary();

        Applied after = apply(journey, tp("wealth.risk_assessment").at(minutes(30)).channel("WEB").failed("E_SYS"));

        assertThat(after).isEqualTo(Applied.AFTER_COMPLETION);
        assertThat(drain(journey)).isEmpty();
        assertThat(journey.visits()).hasSize(3);
        JourneySummary now = journey.summary();
        assertThat(now.status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(now.revision()).isEqualTo(completed.revision());
        assertThat(now.phase()).isEqualTo(completed.phase());
        assertThat(now.channels()).isEqualTo(completed.channels());
        assertThat(journey.completedAt()).isEqualTo(time(minutes(5)));
        assertThat(journey.pending()).isEmpty();
        assertThat(journey.onTimer(time(days(10)))).isFalse();
    }

    @Test
    void anAnonymousJourneyIsSilentUntilAttributedThenAnnouncesItselfWithTheDevice() {
        JourneyInstance journey = JourneyInstance.start(UUID.randomUUID(), WEALTH, null, "dev-9",
                tp("wealth.product_browse").anonymous("dev-9").visit(WEALTH), time(minutes(0)));
        apply(journey, tp("wealth.risk_assessment").at(minutes(5)).anonymous("dev-9"));
        assertThat(journey.onTimer(time(hours(3)))).isTrue();
        assertThat(drain(journey)).isEmpty();
        assertThat(journey.subject()).isEqualTo("a:dev-9");

        journey.attribute("C7", time(hours(4)));

        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyStarted.class, e -> {
            assertThat(e.anonymousId()).isEqualTo("dev-9");
            assertThat(e.journey().customerId()).isEqualTo("C7");
            assertThat(e.journey().revision()).isEqualTo(1);
            assertThat(e.journey().status()).isEqualTo(JourneyStatus.INTERRUPTED);
        });
        apply(journey, tp("wealth.order_submit").at(hours(5)).customer("C7"));
        assertThat(drain(journey)).extracting(e -> summaryOf(e).revision()).containsExactly(2L, 3L, 4L);
        assertThat(journey.subject()).isEqualTo("c:C7");
    }

    @Test
    void everyKindOfEventValidatesAgainstItsSchemaAndRevisionsIncreaseByOne() {
        JourneyInstance journey = JourneyInstance.start(UUID.randomUUID(), WEALTH, null, "dev-1",
                tp("wealth.product_browse").anonymous("dev-1").product("WP-001").visit(WEALTH), time(minutes(0)));
        journey.attribute("C1", time(minutes(1)));
        apply(journey, tp("wealth.risk_assessment").at(minutes(2)).product("WP-001"));
        apply(journey, tp("wealth.order_submit").at(minutes(3)).failed("ORDER_LIMIT").product("WP-001"));
        journey.onTimer(time(hours(2)));
        apply(journey, tp("wealth.order_submit").at(hours(3)).channel("BRANCH").product("WP-001"));
        apply(journey, tp("wealth.payment_confirm").at(hours(3).plus(minutes(5))).channel("BRANCH"));
        apply(journey, tp("wealth.purchase_success").at(hours(3).plus(minutes(6))).channel("BRANCH"));

        List<EventPayload> events = drain(journey);

        // a failed order attempt already stands in DURING_INVESTING: only ABANDONED does not move the journey on
        assertThat(events).extracting(e -> EventType.of(e).type()).containsExactly("journey.started",
                "journey.progressed", "journey.progressed", "journey.interrupted", "journey.resumed",
                "journey.progressed", "journey.progressed", "journey.completed");
        assertThat(events).extracting(e -> summaryOf(e).revision()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        events.forEach(JourneyInstanceTest::assertSchemaValid);
        assertThat(new String(EventJson.toBytes(events.getFirst()))).contains("+08:00");
    }

    @Test
    void theStateRoundTripsThroughJsonWithOffsetsPendingAndDeadlines() throws Exception {
        JourneyInstance pending = start(tp("wealth.product_browse").product("WP-001"));
        apply(pending, tp("wealth.product_detail").at(minutes(2)).channel("WEB"));
        apply(pending, tp("wealth.risk_assessment").at(minutes(4)).failed("E_NET"));
        JourneyInstance interrupted = start(tp("wealth.product_browse"));
        apply(interrupted, tp("wealth.order_submit").at(minutes(3)).abandoned());
        interrupted.onTimer(time(hours(2)));

        for (JourneyInstance original : List.of(pending, interrupted)) {
            String json = EventJson.mapper().writeValueAsString(original.state());
            assertThat(json).contains("+08:00");
            JourneyState read = EventJson.mapper().readValue(json, JourneyState.class);
            JourneyInstance restored = JourneyInstance.restore(read, WEALTH);

            assertThat(read).isEqualTo(original.state());
            assertThat(restored.visits().getFirst().occurredAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
            assertThat(restored.summary()).isEqualTo(original.summary());
            assertThat(restored.pending()).isEqualTo(original.pending());
            assertThat(restored.nextDeadline()).isEqualTo(original.nextDeadline());
            assertThat(restored.openInterruption()).isEqualTo(original.openInterruption());

            // and both go on the same way
            drain(original);
            Tp next = tp("wealth.order_submit").at(hours(3)).channel("CALL_CENTER");
            apply(original, next);
            apply(restored, next);
            assertThat(drain(restored)).isEqualTo(drain(original));
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private static JourneyInstance start(Tp first) {
        return JourneyInstance.start(UUID.randomUUID(), WEALTH, "C1", null, first.visit(WEALTH), first.instant());
    }

    private static Applied apply(JourneyInstance journey, Tp tp) {
        return journey.apply(tp.visit(WEALTH), tp.instant(), LATENESS);
    }

    private static JourneyInstance replay(UUID id, List<Tp> arrivals, Instant now) {
        JourneyInstance journey = JourneyInstance.start(id, WEALTH, "C1", null, arrivals.getFirst().visit(WEALTH), now);
        for (Tp tp : arrivals.subList(1, arrivals.size())) {
            assertThat(journey.apply(tp.visit(WEALTH), now, LATENESS)).isEqualTo(Applied.APPLIED);
        }
        return journey;
    }

    private List<EventPayload> drain(JourneyInstance journey) {
        List<EventPayload> events = journey.drainEvents();
        emitted.addAll(events);
        return events;
    }

    private static List<Tuple> milestones(List<EventPayload> events) {
        return events.stream().filter(JourneyProgressed.class::isInstance).map(JourneyProgressed.class::cast)
                .map(e -> tuple(e.kind(), e.previousPhase(), e.keyNode(), e.reachedAt())).toList();
    }

    static JourneySummary summaryOf(EventPayload event) {
        return switch (event) {
        case JourneyStarted e -> e.journey();
        case JourneyProgressed e -> e.journey();
        case JourneyInterrupted e -> e.journey();
        case JourneyResumed e -> e.journey();
        case JourneyCompleted e -> e.journey();
        default -> throw new IllegalArgumentException(event.toString());
        };
    }

    static void assertSchemaValid(EventPayload event) {
        ContractAssertions.assertValid(EventType.of(event), EventJson.toBytes(event));
    }
}
