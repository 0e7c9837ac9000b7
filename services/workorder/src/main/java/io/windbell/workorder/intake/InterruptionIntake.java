package io.windbell.workorder.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.platform.logging.Mask;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.rule.CreationRules;
import io.windbell.workorder.rule.Decision;

/**
 * A {@code journey.interrupted} becomes a CALLBACK when the creation rules select it (key journeys, key nodes,
 * high-value products, high tiers as the latest low-score alert told them). One order per interrupted journey instance:
 * the instance id is the signal's key, so a second interruption of the same instance (or the same event again) opens
 * nothing.
 */
@ApplicationScoped
public class InterruptionIntake {

    private static final Logger LOG = Logger.getLogger(InterruptionIntake.class);

    private final WorkOrders workOrders;
    private final CreationRules rules;
    private final String centralBranch;

    public InterruptionIntake(WorkOrders workOrders, CreationRules rules, WorkorderConfig config) {
        this.workOrders = workOrders;
        this.rules = rules;
        this.centralBranch = config.centralBranch();
    }

    public Uni<Void> apply(JourneyInterrupted event, Instant now, String traceparent) {
        String customerId = event.journey().customerId();
        return Signal.<Signal> findById(event.journey().journeyInstanceId()).chain(seen -> {
            if (seen != null) {
                LOG.debugf("journey %s has work order %s already", event.journey().journeyInstanceId(),
                        seen.workOrderId);
                return Uni.createFrom().voidItem();
            }
            return CustomerTiers.of(customerId).chain(tier -> {
                Optional<Decision> decision = rules.current().decide(Drafts.facts(event, tier));
                if (decision.isEmpty() || decision.get().type().isEmpty()) {
                    LOG.debugf("interrupted journey %s of customer %s opens nothing (rule %s)",
                            event.journey().journeyInstanceId(), Mask.id(customerId),
                            decision.map(Decision::rule).orElse("none"));
                    return Uni.createFrom().voidItem();
                }
                WorkOrder draft = Drafts.fromInterruption(event, decision.get(), tier, centralBranch, now);
                return workOrders.open(draft, HistoryEntry.SYSTEM, now, traceparent)
                        .chain(opened -> signal(event, opened).persist()).replaceWithVoid();
            });
        });
    }

    private static Signal signal(JourneyInterrupted event, WorkOrder order) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("journeyCode", event.journey().definitionCode());
        detail.put("reason", event.reason().name());
        if (event.lastTouchpoint() != null) {
            detail.put("touchpoint", event.lastTouchpoint().code());
        }
        return Signal.of(event.journey().journeyInstanceId(), order.id, Signal.Kind.JOURNEY_INTERRUPTED, detail,
                event.interruptedAt());
    }
}
