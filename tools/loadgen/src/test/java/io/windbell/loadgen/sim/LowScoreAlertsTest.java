package io.windbell.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.testing.ContractAssertions;

class LowScoreAlertsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void everyAlertIsALowScoreOfAnotherCustomerInABranchOfTheSimulatedBank() {
        LowScoreAlerts alerts = new LowScoreAlerts(CatalogJson.builtin(), 0, 7, UUID::randomUUID);
        Set<String> customers = new HashSet<>();
        Set<String> branches = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            LowScoreAlert a = alerts.next(NOW);
            ContractAssertions.assertValid(EventType.ALERT_LOW_SCORE, EventJson.toBytes(a));
            assertThat(SurveyResponses.lowScore(a.metric(), a.score())).as(a.metric() + " " + a.score()).isTrue();
            assertThat(customers.add(a.customerId())).as("customer %s twice", a.customerId()).isTrue();
            assertThat(a.journey().customerId()).isEqualTo(a.customerId());
            assertThat(a.raisedAt()).isEqualTo(NOW);
            assertThat(a.failingTouchpoints())
                    .allSatisfy(v -> assertThat(v.outcome()).isIn(Outcome.FAILURE, Outcome.ABANDONED));
            assertThat(a.branchId()).matches("B0(0[1-9]|1[0-9]|20)");
            branches.add(a.branchId());
        }
        assertThat(branches).hasSizeGreaterThan(15);
        // ~a third of the answers are low: the others were skipped
        assertThat(alerts.skipped()).isBetween(500L, 2_000L);
    }

    @Test
    void anotherFirstCustomerGivesOtherCustomers() {
        LowScoreAlert first = new LowScoreAlerts(CatalogJson.builtin(), 0, 7, UUID::randomUUID).next(NOW);
        LowScoreAlert later = new LowScoreAlerts(CatalogJson.builtin(), 1_000_000, 7, UUID::randomUUID).next(NOW);
        assertThat(Integer.parseInt(first.customerId().substring(1))).isLessThan(1_000);
        assertThat(Integer.parseInt(later.customerId().substring(1))).isGreaterThan(1_000_000);
    }

    /** scoring's default rule: mass LOW, affluent MEDIUM, private HIGH; +1 for an extreme score, +1 for a key node. */
    @Test
    void severityFollowsScoringsDefaults() {
        TouchpointVisit keyNode = new TouchpointVisit("wealth.risk_assessment", "MOBILE_APP", Outcome.FAILURE, null,
                null, "RA-TIMEOUT-504", null, null, null, true);
        assertThat(LowScoreAlerts.severity("mass", AnchorMetric.NPS, 5, List.of())).isEqualTo(Severity.LOW);
        assertThat(LowScoreAlerts.severity("mass", AnchorMetric.NPS, 2, List.of())).isEqualTo(Severity.MEDIUM);
        assertThat(LowScoreAlerts.severity("affluent", AnchorMetric.CES, 7, List.of(keyNode)))
                .isEqualTo(Severity.CRITICAL);
        assertThat(LowScoreAlerts.severity("private", AnchorMetric.CSAT, 1, List.of(keyNode)))
                .isEqualTo(Severity.CRITICAL);
        assertThat(LowScoreAlerts.severity(null, AnchorMetric.CSAT, 2, List.of())).isEqualTo(Severity.MEDIUM);
    }
}
