package io.windbell.workorder.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.rule.CreationRule.Create;
import io.windbell.workorder.rule.Decision;
import io.windbell.workorder.rule.Facts;

/** Signals to facts and drafts without Quarkus, from the contracts' own examples. */
class DraftsTest {

    private static final Instant NOW = Instant.parse("2025-11-18T13:21:00Z");
    private static final LowScoreAlert ALERT = (LowScoreAlert) EventJson.example(EventType.ALERT_LOW_SCORE);
    private static final JourneyInterrupted INTERRUPTED = (JourneyInterrupted) EventJson
            .example(EventType.JOURNEY_INTERRUPTED);

    @Test
    void aLowScoreAlertBecomesARecoveryDraftWithItsJourneyContextAndACodeOnlyTitle() {
        WorkOrder draft = Drafts.fromAlert(ALERT, new Decision("R", Create.RECOVERY, Priority.URGENT), "HQ", NOW);

        assertThat(draft.type).isEqualTo(WorkOrderType.RECOVERY);
        assertThat(draft.origin).isEqualTo(WorkOrderOrigin.LOW_SCORE_ALERT);
        assertThat(draft.status).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(draft.priority).isEqualTo(Priority.URGENT);
        assertThat(draft.severity).isEqualTo(Severity.CRITICAL);
        assertThat(draft.title).isEqualTo("NPS 3 after interrupted wealth purchase");
        assertThat(draft.customerId).isEqualTo("C0755003318207");
        assertThat(draft.customerTier).isEqualTo("private");
        assertThat(draft.branchId).isEqualTo("B0755012");
        assertThat(draft.journeyCode).isEqualTo("WEALTH_PURCHASE");
        assertThat(draft.journeyInstanceId).isEqualTo(ALERT.journey().journeyInstanceId());
        assertThat(draft.touchpointCode).isEqualTo("wealth.risk_assessment");
        assertThat(draft.errorCode).isEqualTo("RA-TIMEOUT-504");
        assertThat(draft.productId).isEqualTo("WM-FH-180D");
        assertThat(draft.anchorMetric).isEqualTo("NPS");
        assertThat(draft.anchorScore).isEqualTo(3);
        assertThat(draft.sourceAlertId).isEqualTo(ALERT.alertId());
        assertThat(draft.sourceResponseId).isEqualTo(ALERT.responseId());
        assertThat(draft.context.touchpoints()).hasSize(5);
        assertThat(draft.context.failingTouchpoints()).hasSize(2);
        assertThat(draft.context.channels()).containsExactly("MOBILE_APP");
        assertThat(draft.context.comment()).isEqualTo(ALERT.comment());
        assertThat(draft.context.status()).isEqualTo("INTERRUPTED");
        assertThat(draft.title).doesNotContain(ALERT.comment());
    }

    @Test
    void withoutABranchTheLastVisitedBranchThenTheCentralBranchOwnsTheOrder() {
        JourneySummary journey = ALERT.journey();
        List<TouchpointVisit> visits = List.of(visit("wealth.product_browse", "B0001"), visit("wealth.detail", null),
                visit("wealth.risk_assessment", "B0002"), visit("wealth.confirm", null));
        JourneySummary visited = new JourneySummary(journey.journeyInstanceId(), journey.definitionCode(), 3,
                journey.customerId(), journey.stage(), journey.phase(), journey.status(), 3, journey.startedAt(),
                journey.updatedAt(), journey.channels(), visits);

        assertThat(Drafts.branch("B0755012", visited, "HQ")).isEqualTo("B0755012");
        assertThat(Drafts.branch(null, visited, "HQ")).isEqualTo("B0002");
        assertThat(Drafts.branch(null, journey, "HQ")).isEqualTo("HQ");
        assertThat(Drafts.branch(null, null, "HQ")).isEqualTo("HQ");
    }

    @Test
    void titlesSayWhatHappenedFromCodesOnly() {
        LowScoreAlert noJourney = new LowScoreAlert(ALERT.alertId(), ALERT.customerId(), ALERT.responseId(),
                AnchorMetric.CSAT, 1, Severity.HIGH, null, ALERT.raisedAt(), null, List.of(), "verbatim words", null,
                null, null, null);
        assertThat(Drafts.title(noJourney)).isEqualTo("CSAT 1 on a survey");
        assertThat(Drafts.title(INTERRUPTED))
                .isEqualTo("Call back: wealth purchase failed at " + INTERRUPTED.lastTouchpoint().code());
        JourneyInterrupted stalled = new JourneyInterrupted(INTERRUPTED.journey(), InterruptionReason.TIMEOUT, null,
                List.of(), INTERRUPTED.interruptedAt());
        assertThat(Drafts.title(stalled)).isEqualTo("Call back: wealth purchase stalled");
    }

    @Test
    void anInterruptedJourneyBecomesACallbackDraftAndItsFactsCarryTheLastTouchpoint() {
        Facts facts = Drafts.facts(INTERRUPTED, null);
        assertThat(facts.signalType()).isEqualTo("journey.interrupted");
        assertThat(facts.journeyCode()).isEqualTo("WEALTH_PURCHASE");
        assertThat(facts.touchpointCode()).isEqualTo(INTERRUPTED.lastTouchpoint().code());
        assertThat(facts.interruptionReason()).isEqualTo(INTERRUPTED.reason());
        assertThat(facts.tier()).isNull();
        assertThat(facts.severity()).isNull();

        WorkOrder draft = Drafts.fromInterruption(INTERRUPTED, new Decision("C", Create.CALLBACK, Priority.NORMAL),
                "affluent", "HQ", NOW);
        assertThat(draft.type).isEqualTo(WorkOrderType.CALLBACK);
        assertThat(draft.origin).isEqualTo(WorkOrderOrigin.JOURNEY_INTERRUPTED);
        assertThat(draft.customerTier).isEqualTo("affluent");
        assertThat(draft.customerId).isEqualTo(INTERRUPTED.journey().customerId());
        assertThat(draft.touchpointCode).isEqualTo(INTERRUPTED.lastTouchpoint().code());
        assertThat(draft.productId).isEqualTo("WM-FH-180D");
        assertThat(draft.context.failingTouchpoints()).hasSize(2);
        assertThat(draft.context.comment()).isNull();
    }

    private static TouchpointVisit visit(String code, String branchId) {
        return new TouchpointVisit(code, "BRANCH", io.windbell.contracts.touchpoint.Outcome.SUCCESS, null, null, null,
                branchId, null, null, null);
    }
}
