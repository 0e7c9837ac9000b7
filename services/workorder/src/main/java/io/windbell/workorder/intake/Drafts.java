package io.windbell.workorder.intake;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.JourneyContext;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.rule.Decision;
import io.windbell.workorder.rule.Facts;

/**
 * Turns a signal into what the creation rules look at ({@link Facts}) and into the draft of the order it opens: who,
 * which branch, what went wrong where, and the journey context the relationship manager reads. Titles are built from
 * codes only, never from the customer's words, so they are safe in pushes and logs.
 */
public final class Drafts {

    private Drafts() {
    }

    /** The facts of a low-score alert: its type and severity, the first failing touchpoint, tier and product. */
    public static Facts facts(LowScoreAlert alert) {
        TouchpointVisit failing = alert.failingTouchpoints().isEmpty() ? null : alert.failingTouchpoints().getFirst();
        return new Facts(LowScoreAlert.TYPE, alert.severity(),
                alert.journey() == null ? null : alert.journey().definitionCode(),
                failing == null ? null : failing.code(), alert.customerTier(), null,
                failing == null ? null : failing.keyNode(), productOf(alert));
    }

    /** The facts of an interrupted journey: its code, reason and last touchpoint; {@code tier} as intake knows it. */
    public static Facts facts(JourneyInterrupted event, String tier) {
        TouchpointVisit last = event.lastTouchpoint();
        return new Facts(JourneyInterrupted.TYPE, null, event.journey().definitionCode(),
                last == null ? null : last.code(), tier, event.reason(), last == null ? null : last.keyNode(),
                productOf(event));
    }

    /**
     * The order a low-score alert opens: customer and tier, the branch to route to, the first failing touchpoint and
     * its error, the product, who served the customer, the score it is anchored on, and the journey context.
     */
    public static WorkOrder fromAlert(LowScoreAlert alert, Decision decision, String centralBranch, Instant now) {
        WorkOrder draft = WorkOrder.draft(decision.type().orElse(WorkOrderType.RECOVERY),
                WorkOrderOrigin.LOW_SCORE_ALERT, decision.priority(), title(alert), now);
        TouchpointVisit failing = alert.failingTouchpoints().isEmpty() ? null : alert.failingTouchpoints().getFirst();
        draft.severity = alert.severity();
        draft.customerId = alert.customerId();
        draft.customerTier = alert.customerTier();
        draft.branchId = branch(alert.branchId(), alert.journey(), centralBranch);
        about(draft, alert.journey(), failing);
        draft.productId = productOf(alert);
        draft.servedByEmployeeId = alert.employeeId();
        draft.anchorMetric = alert.metric().name();
        draft.anchorScore = alert.score();
        draft.sourceAlertId = alert.alertId();
        draft.sourceResponseId = alert.responseId();
        draft.context = context(alert.journey(), alert.failingTouchpoints(), alert.metric().name(), alert.score(),
                alert.comment());
        return draft;
    }

    /** The order an interrupted journey opens: where it stopped, why, and the whole journey as context. */
    public static WorkOrder fromInterruption(JourneyInterrupted event, Decision decision, String tier,
            String centralBranch, Instant now) {
        WorkOrder draft = WorkOrder.draft(decision.type().orElse(WorkOrderType.CALLBACK),
                WorkOrderOrigin.JOURNEY_INTERRUPTED, decision.priority(), title(event), now);
        TouchpointVisit last = event.lastTouchpoint();
        draft.customerId = event.journey().customerId();
        draft.customerTier = tier;
        draft.branchId = branch(last == null ? null : last.branchId(), event.journey(), centralBranch);
        about(draft, event.journey(), last);
        if (draft.errorCode == null && !event.errorCodes().isEmpty()) {
            draft.errorCode = event.errorCodes().getLast();
        }
        draft.productId = productOf(event);
        draft.servedByEmployeeId = last == null ? null : last.employeeId();
        List<TouchpointVisit> failing = event.journey().touchpoints().stream()
                .filter(visit -> visit.outcome() == Outcome.FAILURE || visit.outcome() == Outcome.ABANDONED).toList();
        draft.context = context(event.journey(), failing, null, null, null);
        return draft;
    }

    /** E.g. "NPS 3 after interrupted wealth purchase", "CSAT 1 on a survey". */
    public static String title(LowScoreAlert alert) {
        String score = alert.metric().name() + " " + alert.score();
        JourneySummary journey = alert.journey();
        if (journey == null) {
            return score + " on a survey";
        }
        String how = switch (journey.status()) {
        case INTERRUPTED -> "interrupted ";
        case COMPLETED -> "completed ";
        case IN_PROGRESS -> "ongoing ";
        };
        return score + " after " + how + words(journey.definitionCode());
    }

    /** E.g. "Call back: loan application failed at loan.credit_check". */
    public static String title(JourneyInterrupted event) {
        String how = switch (event.reason()) {
        case TIMEOUT -> "stalled";
        case FAILURE -> "failed";
        case ABANDONED -> "abandoned";
        };
        String title = "Call back: " + words(event.journey().definitionCode()) + " " + how;
        return event.lastTouchpoint() == null ? title : title + " at " + event.lastTouchpoint().code();
    }

    /** The branch named by the signal, else the branch of the journey's last visit at one, else the central branch. */
    static String branch(String named, JourneySummary journey, String centralBranch) {
        if (named != null) {
            return named;
        }
        if (journey != null) {
            for (TouchpointVisit visit : journey.touchpoints().reversed()) {
                if (visit.branchId() != null) {
                    return visit.branchId();
                }
            }
        }
        return centralBranch;
    }

    private static void about(WorkOrder draft, JourneySummary journey, TouchpointVisit touchpoint) {
        if (journey != null) {
            draft.journeyCode = journey.definitionCode();
            draft.journeyInstanceId = journey.journeyInstanceId();
        }
        if (touchpoint != null) {
            draft.touchpointCode = touchpoint.code();
            draft.errorCode = touchpoint.errorCode();
        }
    }

    private static JourneyContext context(JourneySummary journey, List<TouchpointVisit> failing, String metric,
            Integer score, String comment) {
        if (journey == null) {
            return new JourneyContext(null, null, null, null, null, List.of(), List.of(), failing, metric, score,
                    comment);
        }
        return new JourneyContext(journey.definitionCode(), journey.journeyInstanceId(),
                journey.stage() == null ? null : journey.stage().name(), journey.phase(), journey.status().name(),
                journey.channels(), journey.touchpoints(), failing, metric, score, comment);
    }

    private static String productOf(LowScoreAlert alert) {
        if (alert.productId() != null) {
            return alert.productId();
        }
        return alert.failingTouchpoints().stream().map(TouchpointVisit::productId).filter(p -> p != null).findFirst()
                .orElse(null);
    }

    /** The product of the last touchpoint, else of the latest visit that names one. */
    private static String productOf(JourneyInterrupted event) {
        if (event.lastTouchpoint() != null && event.lastTouchpoint().productId() != null) {
            return event.lastTouchpoint().productId();
        }
        return event.journey().touchpoints().reversed().stream().map(TouchpointVisit::productId).filter(p -> p != null)
                .findFirst().orElse(null);
    }

    private static String words(String journeyCode) {
        return journeyCode.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
