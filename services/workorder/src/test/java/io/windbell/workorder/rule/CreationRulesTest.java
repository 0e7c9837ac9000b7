package io.windbell.workorder.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.workorder.Priority;
import io.windbell.platform.problem.Violation;
import io.windbell.workorder.rule.CreationRule.Create;
import io.windbell.workorder.rule.CreationRule.Then;
import io.windbell.workorder.rule.CreationRule.When;

/** The creation rules without Quarkus: matching, precedence, priorities, validation and the seeded rule set. */
class CreationRulesTest {

    private static final String LOW = LowScoreAlert.TYPE;
    private static final String INTERRUPTED = JourneyInterrupted.TYPE;

    @Test
    void theSeededRuleSetOpensARecoveryForEveryLowScoreAndACallbackOnlyForSelectedKeyJourneys() throws IOException {
        CreationRuleSet seed = seed();

        assertThat(seed.decide(alert(Severity.CRITICAL, "private"))).get()
                .isEqualTo(new Decision("LOW_SCORE_RECOVERY", Create.RECOVERY, Priority.URGENT));
        assertThat(seed.decide(alert(Severity.LOW, null))).get()
                .isEqualTo(new Decision("LOW_SCORE_RECOVERY", Create.RECOVERY, Priority.LOW));

        Decision callback = new Decision("KEY_JOURNEY_CALLBACK", Create.CALLBACK, Priority.NORMAL);
        assertThat(seed.decide(interruption("WEALTH_PURCHASE", "private", true, "WM-FH-180D"))).get()
                .isEqualTo(callback);
        assertThat(seed.decide(interruption("LOAN_APPLICATION", "affluent", true, "LN-MORTGAGE"))).get()
                .isEqualTo(callback);
        // a customer no alert told us the tier of counts as "unknown", which the seed selects
        assertThat(seed.decide(interruption("LOAN_APPLICATION", null, true, "LN-AUTO"))).get().isEqualTo(callback);

        assertThat(seed.decide(interruption("WEALTH_PURCHASE", "mass", true, "WM-FH-180D"))).isEmpty();
        assertThat(seed.decide(interruption("WEALTH_PURCHASE", "private", false, "WM-FH-180D"))).isEmpty();
        assertThat(seed.decide(interruption("WEALTH_PURCHASE", "private", null, "WM-FH-180D"))).isEmpty();
        assertThat(seed.decide(interruption("WEALTH_PURCHASE", "private", true, "CC-PLATINUM"))).isEmpty();
        assertThat(seed.decide(interruption("WEALTH_PURCHASE", "private", true, null))).isEmpty();
        assertThat(seed.decide(interruption("ACCOUNT_OPENING", "private", true, "WM-FH-180D"))).isEmpty();
        assertThat(RuleSetValidator.validate(seed)).isEmpty();
    }

    @Test
    void theFirstMatchingRuleWinsAndNoneOpensNothing() {
        CreationRuleSet set = new CreationRuleSet(List.of(
                rule("MASS_NOTHING", new When(Set.of(LOW), null, null, null, Set.of("mass"), null, null, null),
                        Create.NONE, null),
                rule("CRITICAL_CALLBACK", new When(Set.of(LOW), Severity.CRITICAL, null, null, null, null, null, null),
                        Create.CALLBACK, Priority.HIGH),
                rule("ALL_RECOVERY", null, Create.RECOVERY, null)));

        Decision none = set.decide(alert(Severity.CRITICAL, "mass")).orElseThrow();
        assertThat(none.rule()).isEqualTo("MASS_NOTHING");
        assertThat(none.type()).isEmpty();
        assertThat(set.decide(alert(Severity.CRITICAL, "private"))).get()
                .isEqualTo(new Decision("CRITICAL_CALLBACK", Create.CALLBACK, Priority.HIGH));
        assertThat(set.decide(alert(Severity.HIGH, "private"))).get()
                .isEqualTo(new Decision("ALL_RECOVERY", Create.RECOVERY, Priority.HIGH));
        // the catch-all rule matches an interruption too; without a severity its priority is NORMAL
        assertThat(set.decide(interruption("WEALTH_PURCHASE", "mass", true, "WM-1"))).get()
                .isEqualTo(new Decision("ALL_RECOVERY", Create.RECOVERY, Priority.NORMAL));
        assertThat(new CreationRuleSet(List.of()).decide(alert(Severity.CRITICAL, "private"))).isEmpty();
    }

    @Test
    void eachConditionNarrowsTheMatch() {
        When when = new When(Set.of(INTERRUPTED), null, Set.of("WEALTH_PURCHASE"), Set.of("wealth.risk_assessment"),
                null, Set.of(InterruptionReason.FAILURE), null, null);
        CreationRuleSet set = new CreationRuleSet(List.of(rule("R", when, Create.CALLBACK, null)));
        Facts matching = new Facts(INTERRUPTED, null, "WEALTH_PURCHASE", "wealth.risk_assessment", null,
                InterruptionReason.FAILURE, null, null);

        assertThat(set.decide(matching)).isPresent();
        assertThat(set.decide(new Facts(INTERRUPTED, null, "WEALTH_PURCHASE", "wealth.product_detail", null,
                InterruptionReason.FAILURE, null, null))).isEmpty();
        assertThat(set.decide(new Facts(INTERRUPTED, null, "WEALTH_PURCHASE", "wealth.risk_assessment", null,
                InterruptionReason.TIMEOUT, null, null))).isEmpty();
        assertThat(set.decide(
                new Facts(LOW, Severity.HIGH, "WEALTH_PURCHASE", "wealth.risk_assessment", null, null, null, null)))
                        .isEmpty();

        CreationRuleSet high = new CreationRuleSet(List.of(rule("HIGH",
                new When(null, Severity.HIGH, null, null, null, null, null, null), Create.RECOVERY, null)));
        assertThat(high.decide(alert(Severity.MEDIUM, null))).isEmpty();
        assertThat(high.decide(alert(Severity.HIGH, null))).isPresent();
        assertThat(high.decide(alert(Severity.CRITICAL, null))).isPresent();
        // an interrupted journey has no severity: a minimum never matches it
        assertThat(high.decide(interruption("WEALTH_PURCHASE", "private", true, "WM-1"))).isEmpty();
    }

    @Test
    void severitiesMapToPriorities() {
        assertThat(Priorities.of(Severity.LOW)).isEqualTo(Priority.LOW);
        assertThat(Priorities.of(Severity.MEDIUM)).isEqualTo(Priority.NORMAL);
        assertThat(Priorities.of(Severity.HIGH)).isEqualTo(Priority.HIGH);
        assertThat(Priorities.of(Severity.CRITICAL)).isEqualTo(Priority.URGENT);
        assertThat(Priorities.of(null)).isEqualTo(Priority.NORMAL);
    }

    @Test
    void anInvalidRuleSetNamesEveryBadField() {
        CreationRuleSet set = new CreationRuleSet(List.of(
                rule("DUP",
                        new When(Set.of("alert.teleported"), null, Set.of("wealth"), Set.of("NotATouchpoint"),
                                Set.of("Private Banking"), null, null, Set.of(" ")),
                        Create.RECOVERY, null),
                rule("DUP",
                        new When(Set.of(LOW), null, null, null, null, Set.of(InterruptionReason.TIMEOUT), null, null),
                        Create.NONE, Priority.HIGH),
                new CreationRule("lower", null, new Then(null, null))));

        assertThat(RuleSetValidator.validate(set)).extracting(Violation::field).containsExactlyInAnyOrder(
                "rules[0].when.alertTypes", "rules[0].when.journeyCodes", "rules[0].when.touchpoints",
                "rules[0].when.tiers", "rules[0].when.productPrefixes", "rules[1].code",
                "rules[1].when.interruptionReasons", "rules[1].then.priority", "rules[2].code", "rules[2].then.create");
    }

    private static CreationRule rule(String code, When when, Create create, Priority priority) {
        return new CreationRule(code, when, new Then(create, priority));
    }

    private static Facts alert(Severity severity, String tier) {
        return new Facts(LOW, severity, "WEALTH_PURCHASE", "wealth.risk_assessment", tier, null, null, "WM-FH-180D");
    }

    private static Facts interruption(String journey, String tier, Boolean keyNode, String product) {
        return new Facts(INTERRUPTED, null, journey, "wealth.risk_assessment", tier, InterruptionReason.FAILURE,
                keyNode, product);
    }

    /** The rule set V4 seeds, read from the migration as Flyway applies it. */
    private static CreationRuleSet seed() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V4__creation_rules.sql"),
                StandardCharsets.UTF_8);
        String json = sql.substring(sql.indexOf("'{") + 1, sql.indexOf("}'::jsonb") + 1);
        return RuleSetSpec.CODEC.read(CreationRuleSet.KEY, 1, true, json);
    }

}
