package io.windbell.survey.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.survey.budget.ContactBudget.Contact;
import io.windbell.survey.budget.ContactBudget.Customer;
import io.windbell.survey.budget.ContactBudget.Refusal.Code;

class ContactBudgetTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    final ContactBudget budget = new ContactBudget(
            List.of(new ContactBudget.Cap(Duration.ofDays(7), 1), new ContactBudget.Cap(Duration.ofDays(90), 3)),
            Duration.ofDays(30));

    @Test
    void aCustomerWithoutHistoryMayBeAsked() {
        assertThat(budget.check(NOW, "WEALTH_PURCHASE", new Customer(false, 0, List.of()))).isEmpty();
    }

    @Test
    void oneInvitationWithinSevenDaysUsesTheWeeklyCap() {
        var refusal = budget.check(NOW, "TRANSFER",
                new Customer(false, 0, List.of(new Contact(NOW.minus(Duration.ofDays(6)), "LOAN_APPLICATION", true))));
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(Code.BUDGET_CAP);
            assertThat(r.detail()).contains("PT168H").contains("cap 1");
        });
        assertThat(budget.check(NOW, "TRANSFER",
                new Customer(false, 0, List.of(new Contact(NOW.minus(Duration.ofDays(8)), "LOAN_APPLICATION", true)))))
                        .isEmpty();
    }

    @Test
    void threeInvitationsWithinNinetyDaysUseTheQuarterlyCap() {
        List<Contact> history = List.of(new Contact(NOW.minus(Duration.ofDays(80)), "A", true),
                new Contact(NOW.minus(Duration.ofDays(50)), "B", true),
                new Contact(NOW.minus(Duration.ofDays(20)), "C", true));
        assertThat(budget.check(NOW, "D", new Customer(false, 0, history)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Code.BUDGET_CAP));
    }

    @Test
    void followUpsDoNotCountAgainstTheCaps() {
        List<Contact> history = List.of(new Contact(NOW.minus(Duration.ofDays(1)), null, false),
                new Contact(NOW.minus(Duration.ofDays(2)), null, false));
        assertThat(budget.check(NOW, "TRANSFER", new Customer(false, 0, history))).isEmpty();
    }

    @Test
    void theSameJourneyIsNotSurveyedAgainWithinTheCooldown() {
        var refusal = budget.check(NOW, "WEALTH_PURCHASE",
                new Customer(false, 0, List.of(new Contact(NOW.minus(Duration.ofDays(20)), "WEALTH_PURCHASE", true))));
        assertThat(refusal).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Code.JOURNEY_COOLDOWN));
    }

    @Test
    void consentComesFirstThenOpenRecoveries() {
        assertThat(budget.check(NOW, "X", new Customer(true, 1, List.of())))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Code.DO_NOT_SURVEY));
        assertThat(budget.check(NOW, "X", new Customer(false, 2, List.of())))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Code.OPEN_RECOVERY));
    }

    @Test
    void lookBackCoversTheLongestWindow() {
        assertThat(budget.lookBack()).isEqualTo(Duration.ofDays(90));
    }
}
