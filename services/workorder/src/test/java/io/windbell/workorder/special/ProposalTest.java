package io.windbell.workorder.special;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;
import io.windbell.contracts.workorder.Priority;

/** Titles, owners, due dates and owning branches of proposed special tasks, by hand. */
class ProposalTest {

    static final Departments OWNERS = new Departments(
            Map.of("wealth.", "Wealth Management Dept", "wealth.insurance.", "Bancassurance Dept"), "CX Office");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void aTouchpointPatternWithOneErrorCodeNamesBoth() {
        Proposal proposal = Proposal.forPattern(PatternKey.touchpoint("wealth.risk_assessment"), 5,
                new Spread(null, "RISK_TIMEOUT", "B001", "R01"), Duration.ofDays(7), OWNERS, TODAY, Duration.ofDays(14),
                "HQ");
        assertThat(proposal.title()).isEqualTo("5 recovery cases at wealth.risk_assessment (RISK_TIMEOUT) in 7 days");
        assertThat(proposal.priority()).isEqualTo(Priority.HIGH);
        assertThat(proposal.ownerDepartment()).isEqualTo("Wealth Management Dept");
        assertThat(proposal.dueDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(proposal.branchId()).isEqualTo("B001");
        assertThat(proposal.regionId()).isEqualTo("R01");
    }

    @Test
    void anErrorPatternAcrossTouchpointsAndBranchesBelongsToHeadOffice() {
        Proposal proposal = Proposal.forPattern(PatternKey.errorCode("SMS_GATEWAY"), 6,
                new Spread(null, null, null, "R02"), Duration.ofHours(36), OWNERS, TODAY, Duration.ofDays(1), "HQ");
        assertThat(proposal.title()).isEqualTo("6 recovery cases with error SMS_GATEWAY in 36 hours");
        assertThat(proposal.ownerDepartment()).isEqualTo("CX Office");
        assertThat(proposal.dueDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(proposal.branchId()).isEqualTo("HQ");
        assertThat(proposal.regionId()).isEqualTo("R02");
    }

    @Test
    void aRootCauseCategoryIsNamedWithItsTouchpointAndTheLongestPrefixOwnsIt() {
        Proposal proposal = Proposal.forPattern(PatternKey.rootCause("SYSTEM", "wealth.insurance.quote"), 5,
                new Spread(null, null, null, null), Duration.ofDays(1), OWNERS, TODAY, Duration.ofDays(14), "HQ");
        assertThat(proposal.title())
                .isEqualTo("5 recovery cases at wealth.insurance.quote with root cause SYSTEM in 1 day");
        assertThat(proposal.ownerDepartment()).isEqualTo("Bancassurance Dept");
    }

    @Test
    void aDegradationIsTitledByItsMetricAndPrioritisedByItsSeverity() {
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        TouchpointDegradedAlert alert = new TouchpointDegradedAlert(UUID.randomUUID(), "transfer.submit", null, "B007",
                Metric.ERROR_RATE, 0.021, 0.098, at.minusSeconds(3600), at, 500, Severity.CRITICAL, at);
        Proposal proposal = Proposal.forDegradation(alert, OWNERS, TODAY, Duration.ofDays(14), "HQ");
        assertThat(proposal.title()).isEqualTo("error rate at transfer.submit 2.1% → 9.8%");
        assertThat(proposal.priority()).isEqualTo(Priority.URGENT);
        assertThat(proposal.branchId()).as("confined to one branch").isEqualTo("B007");
        assertThat(Proposal.change(Metric.P90_DURATION_MS, 1200, 3400.4)).isEqualTo("p90 duration 1200 ms → 3400 ms");
        assertThat(Proposal.change(Metric.NPS, 32, 11.25)).isEqualTo("NPS 32.0 → 11.3");
    }

    @Test
    void severitiesMapToPriorities() {
        assertThat(Proposal.priority(Severity.LOW)).isEqualTo(Priority.LOW);
        assertThat(Proposal.priority(Severity.MEDIUM)).isEqualTo(Priority.NORMAL);
        assertThat(Proposal.priority(Severity.HIGH)).isEqualTo(Priority.HIGH);
        assertThat(Proposal.priority(Severity.CRITICAL)).isEqualTo(Priority.URGENT);
    }

    @Test
    void whatTheCasesShareCountsTheCaseAtHand() {
        assertThat(Spread.common(1, "B001", "B001")).isEqualTo("B001");
        assertThat(Spread.common(1, "B001", "B002")).isNull();
        assertThat(Spread.common(2, "B001", "B001")).isNull();
        assertThat(Spread.common(0, null, "B003")).isEqualTo("B003");
        assertThat(Spread.common(1, "B001", null)).as("a case without a value does not disagree").isEqualTo("B001");
    }

    @Test
    void departmentsWithoutATouchpointAreTheDefault() {
        assertThat(OWNERS.owner(null)).isEqualTo("CX Office");
        assertThat(OWNERS.owner("card.activate")).isEqualTo("CX Office");
    }
}
