package io.windbell.workorder.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.platform.logging.Mask;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.rule.CreationRules;
import io.windbell.workorder.rule.Decision;

/**
 * An {@code alert.low-score} becomes work, inside the message's transaction: the creation rules decide; a RECOVERY
 * joins the customer's open one for the same journey (signal + history {@code SIGNAL_ATTACHED}, priority raised when
 * the new alert's is higher; no event: nothing a notification must say) or opens a new one; an alert about a follow-up
 * answer goes to {@link FollowUps}. The alert id is the signal's key, so the same alert twice makes one ticket.
 */
@ApplicationScoped
public class LowScoreIntake {

    private static final Logger LOG = Logger.getLogger(LowScoreIntake.class);
    private static final List<WorkOrderStatus> DONE = List.of(WorkOrderStatus.RESOLVED, WorkOrderStatus.CLOSED);

    private final WorkOrders workOrders;
    private final CreationRules rules;
    private final FollowUps followUps;
    private final String centralBranch;
    private final AtomicLong unmatched = new AtomicLong();

    public LowScoreIntake(WorkOrders workOrders, CreationRules rules, FollowUps followUps, WorkorderConfig config) {
        this.workOrders = workOrders;
        this.rules = rules;
        this.followUps = followUps;
        this.centralBranch = config.centralBranch();
    }

    public Uni<Void> apply(LowScoreAlert alert, Instant now, String traceparent) {
        return CustomerTiers.remember(alert.customerId(), alert.customerTier(), alert.raisedAt())
                .chain(() -> Signal.<Signal> findById(alert.alertId())).chain(seen -> {
                    if (seen != null) {
                        LOG.debugf("alert %s is attached to work order %s already", alert.alertId(), seen.workOrderId);
                        return Uni.createFrom().voidItem();
                    }
                    if (alert.followUpOfWorkOrderId() != null) {
                        return followUps.stillLow(alert, now, traceparent);
                    }
                    return decide(alert, now, traceparent);
                });
    }

    /** Alerts no rule turned into a ticket since startup. */
    public long unmatched() {
        return unmatched.get();
    }

    private Uni<Void> decide(LowScoreAlert alert, Instant now, String traceparent) {
        Optional<Decision> decision = rules.current().decide(Drafts.facts(alert));
        if (decision.isEmpty() || decision.get().type().isEmpty()) {
            unmatched.incrementAndGet();
            LOG.debugf("alert %s of customer %s opens nothing (rule %s)", alert.alertId(), Mask.id(alert.customerId()),
                    decision.map(Decision::rule).orElse("none"));
            return Uni.createFrom().voidItem();
        }
        Decision chosen = decision.get();
        Uni<WorkOrder> open = chosen.type().get() == WorkOrderType.RECOVERY ? openRecovery(alert)
                : Uni.createFrom().nullItem();
        return open.chain(existing -> existing != null ? attach(existing, alert, chosen, now, traceparent) : workOrders
                .open(Drafts.fromAlert(alert, chosen, centralBranch, now), HistoryEntry.SYSTEM, now, traceparent)
                .chain(opened -> signal(alert, opened).persist()).replaceWithVoid());
    }

    /**
     * The customer's open RECOVERY for the alert's journey ({@code work_order_one_open_recovery}); a concurrent insert
     * of the same one fails on that index with 23505, which the kit retries: the retry finds it here.
     */
    private static Uni<WorkOrder> openRecovery(LowScoreAlert alert) {
        String journeyCode = alert.journey() == null ? null : alert.journey().definitionCode();
        return journeyCode == null
                ? WorkOrder
                        .<WorkOrder> find("type = ?1 and customerId = ?2 and journeyCode is null and status not in ?3",
                                WorkOrderType.RECOVERY, alert.customerId(), DONE)
                        .firstResult()
                : WorkOrder.<WorkOrder> find("type = ?1 and customerId = ?2 and journeyCode = ?3 and status not in ?4",
                        WorkOrderType.RECOVERY, alert.customerId(), journeyCode, DONE).firstResult();
    }

    private Uni<Void> attach(WorkOrder order, LowScoreAlert alert, Decision decision, Instant now, String traceparent) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", Signal.Kind.LOW_SCORE.name());
        detail.put("sourceId", alert.alertId().toString());
        detail.put("score", alert.metric().name() + " " + alert.score());
        if (decision.priority().compareTo(order.priority) > 0) {
            detail.put("priorityFrom", order.priority.name());
            detail.put("priorityTo", decision.priority().name());
            order.priority = decision.priority();
            order.severity = alert.severity();
        }
        HistoryEntry entry = HistoryEntry.of(order, HistoryEntry.SYSTEM, HistoryEntry.Action.SIGNAL_ATTACHED, null,
                detail, now);
        LOG.debugf("alert %s attached to open work order %s", alert.alertId(), order.id);
        return signal(alert, order).persist()
                .chain(() -> workOrders.save(order, List.of(entry), List.of(), now, traceparent)).replaceWithVoid();
    }

    static Signal signal(LowScoreAlert alert, WorkOrder order) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("metric", alert.metric().name());
        detail.put("score", alert.score());
        detail.put("severity", alert.severity().name());
        detail.put("responseId", alert.responseId().toString());
        return Signal.of(alert.alertId(), order.id, Signal.Kind.LOW_SCORE, detail, alert.raisedAt());
    }
}
