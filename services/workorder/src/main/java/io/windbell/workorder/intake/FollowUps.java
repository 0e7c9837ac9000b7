package io.windbell.workorder.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;

/**
 * The recovery effect: the answer to the follow-up survey after {@code workorder.resolved} is recorded on its order
 * (response, score, recovered); a recovered answer closes a RESOLVED order ({@code FOLLOW_UP_ANSWERED}). A
 * not-recovered answer is left to scoring's low-score alert about it, which reopens the order
 * ({@code FOLLOW_UP_LOW_SCORE}). The two may arrive in either order; both paths record the same follow-up fields, and
 * only a RESOLVED or CLOSED order is reopened, so either order of arrival ends in the same state, reopened once.
 */
@ApplicationScoped
public class FollowUps {

    private static final Logger LOG = Logger.getLogger(FollowUps.class);

    private final WorkOrders workOrders;
    private final IntakeConfig.Recovered thresholds;

    public FollowUps(WorkOrders workOrders, IntakeConfig config) {
        this.workOrders = workOrders;
        this.thresholds = config.recovered();
    }

    /** A {@code survey.responded} answering the follow-up of {@code followUpOfWorkOrderId}. */
    public Uni<Void> answered(SurveyResponded response, Instant now, String traceparent) {
        return Signal.<Signal> findById(response.responseId())
                .chain(seen -> seen != null ? Uni.createFrom().voidItem()
                        : order(response.followUpOfWorkOrderId()).chain(order -> order == null
                                ? Uni.createFrom().voidItem() : record(order, response, now, traceparent)));
    }

    /** A low-score alert about a follow-up answer: the customer is still a detractor. */
    Uni<Void> stillLow(LowScoreAlert alert, Instant now, String traceparent) {
        return order(alert.followUpOfWorkOrderId()).chain(order -> {
            if (order == null) {
                return Uni.createFrom().voidItem();
            }
            Signal signal = LowScoreIntake.signal(alert, order);
            Map<String, Object> detail = answer(alert.responseId(), alert.metric(), alert.score(), false);
            if (order.isOpen()) {
                // reopened already (its answer came first and another alert followed), or never resolved
                HistoryEntry entry = HistoryEntry.of(order, HistoryEntry.SYSTEM, HistoryEntry.Action.SIGNAL_ATTACHED,
                        null, detail, now);
                return signal.persist().chain(() -> workOrders.save(order, List.of(entry), List.of(), now, traceparent))
                        .replaceWithVoid();
            }
            detail.put("reason", WorkOrderReopened.Reason.FOLLOW_UP_LOW_SCORE.name());
            Uni<WorkOrder> reopened = workOrders.move(order, Lifecycle.Action.REOPEN, HistoryEntry.SYSTEM, detail,
                    summary -> new WorkOrderReopened(summary, WorkOrderReopened.Reason.FOLLOW_UP_LOW_SCORE, now,
                            alert.responseId(), null),
                    now, traceparent);
            // move applied REOPEN at once, which cleared the outcome; the answer it reopens for is recorded after it,
            // as the answer's own path records it, before anything is flushed
            followUp(order, alert.responseId(), alert.score(), false);
            return signal.persist().chain(() -> reopened).replaceWithVoid();
        });
    }

    private Uni<Void> record(WorkOrder order, SurveyResponded response, Instant now, String traceparent) {
        boolean recovered = thresholds.recovered(response.anchorMetric(), response.anchorScore());
        Map<String, Object> detail = answer(response.responseId(), response.anchorMetric(), response.anchorScore(),
                recovered);
        followUp(order, response.responseId(), response.anchorScore(), recovered);
        HistoryEntry entry = HistoryEntry.of(order, HistoryEntry.SYSTEM, HistoryEntry.Action.FOLLOW_UP_RECORDED, null,
                detail, now);
        Signal signal = Signal.of(response.responseId(), order.id, Signal.Kind.FOLLOW_UP_ANSWER, detail,
                response.respondedAt());
        Uni<WorkOrder> saved = signal.persist()
                .chain(() -> workOrders.save(order, List.of(entry), List.of(), now, traceparent));
        if (!recovered || order.status != WorkOrderStatus.RESOLVED) {
            return saved.replaceWithVoid();
        }
        return saved.chain(() -> workOrders.move(order, Lifecycle.Action.CLOSE, HistoryEntry.SYSTEM,
                Map.of("reason", WorkOrderClosed.Reason.FOLLOW_UP_ANSWERED.name()),
                summary -> new WorkOrderClosed(summary, WorkOrderClosed.Reason.FOLLOW_UP_ANSWERED, now,
                        response.responseId(), true),
                now, traceparent)).replaceWithVoid();
    }

    private static void followUp(WorkOrder order, UUID responseId, int score, boolean recovered) {
        order.followUpResponseId = responseId;
        order.followUpScore = score;
        order.recovered = recovered;
    }

    private static Map<String, Object> answer(UUID responseId, AnchorMetric metric, int score, boolean recovered) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("responseId", responseId.toString());
        detail.put("metric", metric.name());
        detail.put("score", score);
        detail.put("recovered", recovered);
        return detail;
    }

    private static Uni<WorkOrder> order(UUID id) {
        return WorkOrder.<WorkOrder> findById(id).invoke(order -> {
            if (order == null) {
                // not ours to fix: a follow-up of an order this database never had (another environment's survey)
                LOG.warnf("follow-up of unknown work order %s ignored", id);
            }
        });
    }
}
