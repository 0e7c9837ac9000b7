package io.windbell.journey.tracking;

import static io.windbell.journey.support.Journeys.LATENESS;
import static io.windbell.journey.support.Journeys.TRANSFER;
import static io.windbell.journey.support.Journeys.WEALTH;
import static io.windbell.journey.support.Journeys.days;
import static io.windbell.journey.support.Journeys.hours;
import static io.windbell.journey.support.Journeys.lookup;
import static io.windbell.journey.support.Journeys.minutes;
import static io.windbell.journey.support.Journeys.time;
import static io.windbell.journey.support.Journeys.tp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.journey.JourneyInstance;
import io.windbell.journey.definition.DefinitionLookup;
import io.windbell.journey.support.Journeys.Tp;
import io.windbell.journey.tracking.PersonJourneys.Adoption;
import io.windbell.journey.tracking.PersonJourneys.Routing;
import io.windbell.journey.tracking.PersonJourneys.Rules;
import io.windbell.testing.ContractAssertions;

/** Routing one person's events to journeys, and identity stitching, as the reconstruction service drives them. */
class PersonJourneysTest {

    private static final DefinitionLookup DEFINITIONS = lookup(WEALTH, TRANSFER);
    private static final Rules RULES = new Rules(LATENESS, days(1));

    private final List<EventPayload> emitted = new ArrayList<>();

    @AfterEach
    void everyDrainedEventValidatesAgainstItsSchema() {
        emitted.forEach(e -> ContractAssertions.assertValid(EventType.of(e), EventJson.toBytes(e)));
    }

    @Test
    void anAnonymousJourneyIsReattributedAtLoginAndContinuesUnderTheCustomer() {
        PersonJourneys device = new PersonJourneys(List.of());
        Routing browse = route(device, tp("wealth.product_browse").anonymous("dev-1"), null);
        route(device, tp("wealth.product_detail").at(minutes(3)).anonymous("dev-1"), null);
        JourneyInstance journey = browse.instance();
        assertThat(journey.customerId()).isNull();
        assertThat(journey.subject()).isEqualTo("a:dev-1");
        assertThat(drain(journey)).isEmpty();

        // the login event carries both ids: the service adopts the device's journeys, then routes the event
        Tp login = tp("wealth.risk_assessment").at(minutes(6)).customer("C1").device("dev-1");
        PersonJourneys customer = new PersonJourneys(List.of());
        Adoption adoption = customer.adopt(device, "C1", login.instant());
        Routing risk = route(customer, login, "C1");

        assertThat(adoption).isEqualTo(new Adoption(1, 0));
        assertThat(device.instances()).isEmpty();
        assertThat(customer.instances()).containsExactly(journey);
        assertThat(risk.instance()).isSameAs(journey);
        assertThat(journey.subject()).isEqualTo("c:C1");
        List<EventPayload> events = drain(journey);
        assertThat(events.getFirst()).isInstanceOfSatisfying(JourneyStarted.class, e -> {
            assertThat(e.anonymousId()).isEqualTo("dev-1");
            assertThat(e.journey().customerId()).isEqualTo("C1");
            assertThat(e.journey().revision()).isEqualTo(1);
            assertThat(e.journey().touchpoints()).hasSize(2);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(JourneyProgressed.class, e -> {
            assertThat(e.keyNode()).isEqualTo("wealth.risk_assessment");
            assertThat(e.journey().revision()).isEqualTo(2);
        });

        Routing order = route(customer, tp("wealth.order_submit").at(minutes(20)).channel("WEB"), "C1");
        assertThat(order.instance()).isSameAs(journey);
        assertThat(order.stepOrder()).isEqualTo(4);
        assertThat(drain(journey)).extracting(e -> ((JourneyProgressed) e).journey().revision()).containsExactly(3L,
                4L);
        assertThat(customer.instances()).hasSize(1);
    }

    @Test
    void anAnonymousJourneyMergesIntoTheCustomersOpenJourneyOfTheSameDefinition() {
        PersonJourneys customer = new PersonJourneys(List.of());
        JourneyInstance own = route(customer, tp("wealth.product_browse").channel("WEB"), "C1").instance();
        route(customer, tp("wealth.product_detail").at(minutes(5)).channel("WEB"), "C1");
        drain(own);
        PersonJourneys device = new PersonJourneys(List.of());
        JourneyInstance orphan = route(device, tp("wealth.product_browse").at(minutes(10)).anonymous("dev-2"), null)
                .instance();
        route(device, tp("wealth.risk_assessment").at(minutes(12)).anonymous("dev-2"), null);

        Tp login = tp("wealth.order_submit").at(minutes(15)).device("dev-2");
        Adoption adoption = customer.adopt(device, "C1", login.instant());

        assertThat(adoption).isEqualTo(new Adoption(0, 1));
        assertThat(orphan.closed()).isTrue();
        assertThat(orphan.mergedInto()).isEqualTo(own.id());
        assertThat(drain(orphan)).isEmpty();
        assertThat(own.visits()).extracting(v -> v.occurredAt().toInstant()).containsExactly(time(minutes(0)),
                time(minutes(5)), time(minutes(10)), time(minutes(12)));
        assertThat(drain(own)).singleElement().isInstanceOfSatisfying(JourneyProgressed.class,
                e -> assertThat(e.keyNode()).isEqualTo("wealth.risk_assessment"));

        Routing order = route(customer, login, "C1");
        assertThat(order.instance()).isSameAs(own);
        assertThat(own.summary().channels()).containsExactly("WEB", "MOBILE_APP");
        assertThat(own.phase()).isEqualTo("DURING_INVESTING");
        assertThat(customer.instances()).containsExactlyInAnyOrder(own, orphan);
    }

    @Test
    void twoJourneysOfOneCustomerInterleaveIndependently() {
        PersonJourneys customer = new PersonJourneys(List.of());
        JourneyInstance wealth = route(customer, tp("wealth.product_browse"), "C1").instance();
        JourneyInstance transfer = route(customer, tp("transfer.start").at(minutes(1)), "C1").instance();
        route(customer, tp("wealth.product_detail").at(minutes(2)), "C1");
        Routing otp = route(customer, tp("transfer.otp_verify").at(minutes(3)), "C1");
        route(customer, tp("wealth.risk_assessment").at(minutes(4)), "C1");
        route(customer, tp("transfer.result").at(minutes(5)), "C1");
        route(customer, tp("wealth.order_submit").at(minutes(6)).channel("BRANCH"), "C1");

        assertThat(customer.instances()).containsExactly(wealth, transfer);
        assertThat(otp.instance()).isSameAs(transfer);
        assertThat(otp.stepOrder()).isEqualTo(2);
        assertThat(wealth.visits()).extracting(v -> v.touchpoint()).containsExactly("wealth.product_browse",
                "wealth.product_detail", "wealth.risk_assessment", "wealth.order_submit");
        assertThat(transfer.visits()).extracting(v -> v.touchpoint()).containsExactly("transfer.start",
                "transfer.otp_verify", "transfer.result");
        assertThat(transfer.status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(wealth.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        assertThat(wealth.channelSwitches()).isEqualTo(1); // rested after risk assessment in the app, then the branch
        assertThat(wealth.nextDeadline()).hasValueSatisfying(d -> assertThat(d.dueAt()).isEqualTo(time(minutes(36))));

        List<EventPayload> transferEvents = drain(transfer);
        assertThat(transferEvents).extracting(e -> EventType.of(e).type()).containsExactly("journey.started",
                "journey.progressed", "journey.completed");
        assertThat(transferEvents.getLast()).isInstanceOfSatisfying(JourneyCompleted.class, e -> {
            assertThat(e.durationMs()).isEqualTo(minutes(4).toMillis());
            assertThat(e.journey().phase()).isNull();
            assertThat(e.journey().revision()).isEqualTo(3);
        });
        assertThat(drain(wealth)).extracting(e -> EventType.of(e).type()).containsExactly("journey.started",
                "journey.progressed", "journey.progressed", "journey.progressed");
    }

    @Test
    void anAssistedContactAboutTheJourneyCountsAsAChannelSwitch() {
        PersonJourneys customer = new PersonJourneys(List.of());
        JourneyInstance journey = route(customer, tp("wealth.product_detail").product("WP-001"), "C1").instance();
        route(customer, tp("wealth.risk_assessment").at(minutes(5)), "C1");
        route(customer, tp("wealth.order_submit").at(minutes(20)).product("WP-001").abandoned(), "C1");
        drain(journey);

        Routing call = route(customer,
                tp("callcenter.inquiry").at(minutes(40)).channel("CALL_CENTER").product("WP-001").outcome(Outcome.INFO),
                "C1");

        assertThat(call.instance()).isSameAs(journey);
        assertThat(call.stepOrder()).isNull();
        assertThat(call.late()).isFalse();
        assertThat(journey.channelSwitches()).isEqualTo(1);
        assertThat(journey.onTimer(time(minutes(81)))).isFalse(); // the ABANDONED window is no longer pending
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        assertThat(drain(journey)).isEmpty();
        assertThat(journey.maxStep()).isEqualTo(3);

        // a branch visit naming the journey, without a product, also counts
        Routing visit = route(customer, tp("branch.wealth_advice").at(minutes(50)).channel("BRANCH")
                .attribute("journey", "WEALTH_PURCHASE").outcome(Outcome.INFO), "C1");
        assertThat(visit.instance()).isSameAs(journey);
        assertThat(journey.channelSwitches()).isEqualTo(2);

        // the same product in the app is not an assisted contact
        assertThat(route(customer, tp("app.product_faq").at(minutes(55)).product("WP-001"), "C1"))
                .isEqualTo(Routing.NONE);
    }

    @Test
    void anAssistedContactAfterAnInterruptionResumesOnAnotherChannel() {
        PersonJourneys customer = new PersonJourneys(List.of());
        JourneyInstance journey = route(customer, tp("wealth.product_detail").product("WP-001"), "C1").instance();
        route(customer, tp("wealth.risk_assessment").at(minutes(5)), "C1");
        journey.onTimer(time(hours(3)));
        drain(journey);

        route(customer, tp("callcenter.inquiry").at(hours(4)).channel("CALL_CENTER").product("WP-001"), "C1");

        assertThat(drain(journey)).singleElement().isInstanceOfSatisfying(JourneyResumed.class,
                e -> assertThat(e.channelSwitched()).isTrue());
    }

    @Test
    void anEventThatMatchesNothingIsRoutedNowhere() {
        PersonJourneys customer = new PersonJourneys(List.of());
        assertThat(route(customer, tp("card.activation_start"), "C1")).isEqualTo(Routing.NONE);
        // a step of a journey the customer has not started is not a start
        assertThat(route(customer, tp("wealth.risk_assessment"), "C1")).isEqualTo(Routing.NONE);
        route(customer, tp("wealth.product_browse").product("WP-001"), "C1");
        // an assisted contact about another product
        assertThat(
                route(customer, tp("callcenter.inquiry").at(minutes(1)).channel("CALL_CENTER").product("WP-999"), "C1"))
                        .isEqualTo(Routing.NONE);
        assertThat(customer.instances()).hasSize(1);
        assertThat(Routing.NONE.instanceId()).isNull();
        assertThat(Routing.NONE.definitionCode()).isNull();
    }

    @Test
    void aLateEventIsRoutedToItsJourneyButMarkedLate() {
        PersonJourneys customer = new PersonJourneys(List.of());
        JourneyInstance journey = route(customer, tp("wealth.product_browse"), "C1").instance();
        route(customer, tp("wealth.product_detail").at(minutes(30)), "C1");

        Routing late = route(customer, tp("wealth.risk_assessment").at(minutes(5)), "C1");

        assertThat(late).isEqualTo(new Routing(journey, 3, true));
        assertThat(journey.visits()).hasSize(2);
    }

    @Test
    void afterACompletedJourneyAStartTouchpointBeginsANewInstance() {
        PersonJourneys customer = new PersonJourneys(List.of());
        JourneyInstance first = route(customer, tp("transfer.start"), "C1").instance();
        route(customer, tp("transfer.otp_verify").at(minutes(1)), "C1");
        route(customer, tp("transfer.result").at(minutes(2)), "C1");
        drain(first);

        // a step that is not a start, inside the post-completion window: kept by the completed journey
        Routing after = route(customer, tp("transfer.otp_verify").at(minutes(10)), "C1");
        assertThat(after.instance()).isSameAs(first);
        assertThat(drain(first)).isEmpty();
        assertThat(first.visits()).hasSize(4);

        // another transfer the same afternoon is a journey of its own
        Routing again = route(customer, tp("transfer.start").at(minutes(30)), "C1");

        JourneyInstance second = again.instance();
        assertThat(second).isNotNull().isNotSameAs(first);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(again.stepOrder()).isEqualTo(1);
        assertThat(drain(second)).singleElement().isInstanceOfSatisfying(JourneyStarted.class,
                e -> assertThat(e.journey().revision()).isEqualTo(1));
        assertThat(route(customer, tp("transfer.otp_verify").at(minutes(31)), "C1").instance()).isSameAs(second);
        assertThat(first.visits()).hasSize(4);
        assertThat(customer.instances()).containsExactly(first, second);

        // and the day after, too
        Routing nextDay = route(customer, tp("wealth.product_browse").at(days(2)), "C1");
        assertThat(nextDay.instance().definition()).isEqualTo(WEALTH);
        assertThat(customer.instances()).hasSize(3);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Routing route(PersonJourneys person, Tp tp, String customerId) {
        return person.route(tp.event(), customerId, DEFINITIONS, RULES, tp.instant(), UUID::randomUUID);
    }

    private List<EventPayload> drain(JourneyInstance journey) {
        List<EventPayload> events = journey.drainEvents();
        emitted.addAll(events);
        return events;
    }
}
