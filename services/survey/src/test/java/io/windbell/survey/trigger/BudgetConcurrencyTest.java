package io.windbell.survey.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.rule.SurveyRule.Trigger;
import io.windbell.survey.support.JourneyEvents;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.survey.support.TestRules;

/**
 * Two triggers for one customer at the same instant, in two transactions on two threads: the customer's budget lock
 * lets only one of them pass the weekly cap of one invitation.
 */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "admin", roles = "cx-admin")
class BudgetConcurrencyTest {

    @Inject
    JourneyTriggerService triggers;
    @Inject
    SurveyCatalog catalog;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void rules() {
        TestRules.ensure();
        catalog.refresh();
    }

    @Test
    void twoSimultaneousTriggersCannotBothPassTheBudget() throws Exception {
        for (int round = 0; round < 5; round++) {
            String customer = "C-race-" + UUID.randomUUID();
            JourneyInterrupted wealth = JourneyEvents.journey(customer, "WEALTH_PURCHASE")
                    .visit("wealth.product_detail").interrupted(InterruptionReason.TIMEOUT);
            JourneyCompleted loan = JourneyEvents.journey(customer, "LOAN_APPLICATION").visit("loan.calculator")
                    .completed();
            List<JourneyContext> contexts = List.of(
                    new JourneyContext(Trigger.JOURNEY_INTERRUPTED, wealth.journey(), wealth.reason(),
                            wealth.lastTouchpoint(), wealth.errorCodes()),
                    new JourneyContext(Trigger.JOURNEY_COMPLETED, loan.journey(), null, null, List.of()));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Decision>> decisions = contexts.stream().map(context -> threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return Transactions.inTransaction(dataSource, connection -> {
                        Decision decision = triggers.decide(connection, context, UUID.randomUUID(), null,
                                Instant.now());
                        holdTheTransactionOpen();
                        return decision;
                    });
                })).toList();
                List<Decision.Outcome> outcomes = List.of(decisions.get(0).get(30, TimeUnit.SECONDS).outcome(),
                        decisions.get(1).get(30, TimeUnit.SECONDS).outcome());
                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(Decision.Outcome.INVITED,
                        Decision.Outcome.BUDGET_CAP);
                assertThat(invitations(customer)).isEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** Keeps the first decider's transaction (and its lock) open while the second one tries to decide. */
    private static void holdTheTransactionOpen() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int invitations(String customer) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT count(*) FROM invitation WHERE customer_id = ?")) {
            statement.setString(1, customer);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
