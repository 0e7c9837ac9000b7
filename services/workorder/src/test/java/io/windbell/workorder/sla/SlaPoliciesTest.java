package io.windbell.workorder.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.WorkOrder;

/** Policy precedence and validation, and which due timers still apply, without Quarkus. */
class SlaPoliciesTest {

    private static PolicySpec spec(String code, String type, String severity, String tier) {
        return new PolicySpec(code, type, severity, tier, "PT4H", "PT24H", 0.8, "PT4H");
    }

    private final SlaPolicies set = new SlaPolicies(3,
            SlaPolicyRules.check(List.of(spec("ANY", "*", "*", "*"), spec("RECOVERY", "RECOVERY", "*", "*"),
                    spec("RECOVERY-HIGH", "RECOVERY", "HIGH", "*"), spec("PRIVATE", "*", "*", "PRIVATE"),
                    spec("HIGH-PRIVATE", "*", "HIGH", "PRIVATE"))).policies());

    @Test
    void theMostSpecificPolicyWinsTypeBeforeSeverityBeforeTier() {
        assertThat(set.policies()).hasSize(5);
        // type + severity (6) beats severity + tier (3)
        assertThat(set.find(WorkOrderType.RECOVERY, Severity.HIGH, "PRIVATE").orElseThrow().code())
                .isEqualTo("RECOVERY-HIGH");
        // type (4) beats severity + tier (3)
        assertThat(set.find(WorkOrderType.RECOVERY, Severity.LOW, "PRIVATE").orElseThrow().code())
                .isEqualTo("RECOVERY");
        // severity + tier (3) beats tier (1)
        assertThat(set.find(WorkOrderType.CALLBACK, Severity.HIGH, "PRIVATE").orElseThrow().code())
                .isEqualTo("HIGH-PRIVATE");
        assertThat(set.find(WorkOrderType.CALLBACK, null, "PRIVATE").orElseThrow().code()).isEqualTo("PRIVATE");
        assertThat(set.find(WorkOrderType.SPECIAL_TASK, null, null).orElseThrow().code()).isEqualTo("ANY");
        assertThat(set.reference(set.byCode("RECOVERY").orElseThrow())).isEqualTo("RECOVERY@3");
        assertThat(SlaPolicies.codeOf("RECOVERY-HIGH@3")).isEqualTo("RECOVERY-HIGH");
        assertThat(SlaPolicies.versionOf("RECOVERY-HIGH@3")).contains(3);
    }

    @Test
    void aWarningAtEightyPercentOfFourHoursIsAfterThreeHoursTwelve() {
        SlaPolicy policy = set.byCode("ANY").orElseThrow();
        assertThat(policy.warningAfter(Duration.ofHours(4))).isEqualTo(Duration.ofMinutes(192));
    }

    @Test
    void twoPoliciesForTheSameScopeOrDuplicateCodesAreRefused() {
        SlaPolicyRules.Checked checked = SlaPolicyRules.check(List.of(spec("AA", "RECOVERY", "*", "*"),
                spec("BB", "RECOVERY", null, null), spec("AA", "CALLBACK", "*", "*"),
                new PolicySpec("CC", "*", "*", "*", "PT0S", "PT1H", 0.0, "PT1H")));
        assertThat(checked.violations()).extracting(v -> v.field()).containsExactly("policies[1].type",
                "policies[2].code", "policies[3].firstResponse", "policies[3].warningShare");
        assertThat(SlaPolicyRules.check(List.of()).violations()).hasSize(1);
    }

    @Test
    void aDueTimerAppliesOnlyWhileItsClockRuns() {
        WorkOrder order = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.MANUAL, Priority.NORMAL, "t",
                Instant.parse("2026-03-09T01:00:00Z"));
        assertThat(SlaSchedule.decide(SlaTimerKind.FIRST_RESPONSE_WARNING, order)).isEqualTo(SlaSchedule.Decision.FIRE);
        order.firstRespondedAt = Instant.parse("2026-03-09T01:30:00Z");
        assertThat(SlaSchedule.decide(SlaTimerKind.FIRST_RESPONSE_BREACH, order)).isEqualTo(SlaSchedule.Decision.DROP);
        assertThat(SlaSchedule.decide(SlaTimerKind.RESOLUTION_BREACH, order)).isEqualTo(SlaSchedule.Decision.FIRE);
        order.slaPausedSince = Instant.parse("2026-03-09T02:00:00Z");
        assertThat(SlaSchedule.decide(SlaTimerKind.RESOLUTION_WARNING, order)).isEqualTo(SlaSchedule.Decision.HOLD);
        order.slaPausedSince = null;
        order.escalationLevel = 2;
        assertThat(SlaSchedule.decide(SlaTimerKind.ESCALATION_LEVEL_2, order)).isEqualTo(SlaSchedule.Decision.DROP);
        order.status = WorkOrderStatus.RESOLVED;
        assertThat(SlaSchedule.decide(SlaTimerKind.RESOLUTION_BREACH, order)).isEqualTo(SlaSchedule.Decision.DROP);
    }
}
