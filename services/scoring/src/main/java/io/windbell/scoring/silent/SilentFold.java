package io.windbell.scoring.silent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;

/**
 * Maintains each customer's silent-detractor risk from all three topics: failures and abandonments from touchpoints,
 * interruptions and slow key-node visits from journey events, the latest survey answer from survey events. The batch is
 * gathered per customer in memory first, then the stored states are locked, folded and written back: one read and one
 * batched upsert per batch (and one sketch write per touchpoint).
 */
@ApplicationScoped
public class SilentFold implements Fold {

    private final SilentStore store;
    private final DurationSketches sketches;
    private final SilentScoring scoring;

    public SilentFold(SilentStore store, DurationSketches sketches, SilentScoring scoring) {
        this.store = store;
        this.sketches = sketches;
        this.scoring = scoring;
    }

    /** What one batch says about one customer. */
    static final class Gathered {
        final List<RiskState.Observed> observed = new ArrayList<>();
        final List<TouchpointVisit> keyVisits = new ArrayList<>();
        String assistedBranch;
        Instant assistedAt;
        Instant respondedAt;

        boolean hasNews() {
            return !observed.isEmpty() || !keyVisits.isEmpty() || respondedAt != null;
        }
    }

    @Override
    public boolean reads(String topic) {
        return Topics.TOUCHPOINT_EVENTS.equals(topic) || Topics.JOURNEY_EVENTS.equals(topic)
                || Topics.SURVEY_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        if (Topics.TOUCHPOINT_EVENTS.equals(batch.topic())) {
            sketches.record(connection, batch.payloads(TouchpointRecorded.class));
        }
        // sorted: two replicas lock the same customers in the same order
        Map<String, Gathered> gathered = new TreeMap<>();
        for (Envelope<EventPayload> envelope : batch.events()) {
            gather(envelope.payload(), gathered);
        }
        if (gathered.isEmpty()) {
            return;
        }
        List<String> withNews = gathered.entrySet().stream().filter(e -> e.getValue().hasNews()).map(Map.Entry::getKey)
                .toList();
        Map<String, SilentStore.Customer> stored = store.lock(connection, gathered.keySet(), withNews);
        Set<String> keyTouchpoints = new HashSet<>();
        gathered.values().forEach(g -> g.keyVisits.forEach(v -> keyTouchpoints.add(v.code())));
        Map<String, Long> slowAbove = sketches.thresholds(connection, keyTouchpoints);
        List<SilentStore.Customer> changed = new ArrayList<>();
        for (Map.Entry<String, Gathered> entry : gathered.entrySet()) {
            SilentStore.Customer before = stored.get(entry.getKey());
            // a customer is stored once there is news (a signal, a key visit, an answer); an assisted visit alone
            // only moves the branch of a stored customer
            if (before != null || entry.getValue().hasNews()) {
                changed.add(next(entry.getKey(), before, entry.getValue(), slowAbove, batch.attribution()));
            }
        }
        store.save(connection, changed, scoring.formula());
    }

    /** Adds what one event says to its customer's gathered news. */
    static void gather(EventPayload payload, Map<String, Gathered> gathered) {
        if (payload instanceof TouchpointRecorded event) {
            if (event.customerId() == null || event.occurredAt() == null) {
                return;
            }
            Gathered g = gathered.computeIfAbsent(event.customerId(), id -> new Gathered());
            Instant at = event.occurredAt().toInstant();
            if (event.outcome() == Outcome.FAILURE) {
                g.observed.add(new RiskState.Observed(Signal.FAILURE, event.touchpoint(), event.errorCode(), at));
            } else if (event.outcome() == Outcome.ABANDONED) {
                g.observed.add(new RiskState.Observed(Signal.ABANDONMENT, event.touchpoint(), null, at));
            }
            if (event.branchId() != null && (g.assistedAt == null || !at.isBefore(g.assistedAt))) {
                g.assistedBranch = event.branchId();
                g.assistedAt = at;
            }
        } else if (payload instanceof SurveyResponded response) {
            if (response.customerId() != null && response.respondedAt() != null) {
                Gathered g = gathered.computeIfAbsent(response.customerId(), id -> new Gathered());
                g.respondedAt = later(g.respondedAt, response.respondedAt());
            }
        } else {
            JourneySummary journey = summary(payload);
            if (journey == null || journey.customerId() == null) {
                return;
            }
            Gathered g = gathered.computeIfAbsent(journey.customerId(), id -> new Gathered());
            if (payload instanceof JourneyInterrupted interrupted && interrupted.interruptedAt() != null) {
                String where = interrupted.lastTouchpoint() != null ? interrupted.lastTouchpoint().code()
                        : journey.definitionCode();
                g.observed.add(new RiskState.Observed(Signal.INTERRUPTION, where,
                        interrupted.reason() == null ? null : interrupted.reason().name(),
                        interrupted.interruptedAt()));
            }
            for (TouchpointVisit visit : journey.touchpoints()) {
                if (Boolean.TRUE.equals(visit.keyNode()) && visit.durationMs() != null && visit.occurredAt() != null
                        && visit.code() != null) {
                    g.keyVisits.add(visit);
                }
            }
        }
    }

    /**
     * The customer's next stored state: the batch's signals and slow key visits folded in, branch and answer updated.
     */
    SilentStore.Customer next(String customerId, SilentStore.Customer before, Gathered news,
            Map<String, Long> slowAbove, Attribution attribution) {
        SilentConfig config = scoring.config();
        Instant watermark = before == null ? null : before.visitWatermark();
        List<RiskState.Observed> observed = new ArrayList<>(news.observed);
        // journey summaries repeat a journey's visits in every event (and one batch may hold several of them): in
        // time order, each visit is judged once, when it is later than every visit judged before
        List<TouchpointVisit> visits = new ArrayList<>(news.keyVisits);
        visits.sort(Comparator.comparing(TouchpointVisit::occurredAt));
        for (TouchpointVisit visit : visits) {
            Instant at = visit.occurredAt().toInstant();
            if (watermark == null || at.isAfter(watermark)) {
                if (visit.durationMs() > slowAbove.get(visit.code())) {
                    observed.add(new RiskState.Observed(Signal.SLOW_KEY_STEP, visit.code(), null, at));
                }
                watermark = at;
            }
        }
        RiskState state = (before == null ? RiskState.EMPTY : before.state()).fold(observed, scoring.formula(),
                config.lookback(), config.maxEntries());
        String assisted = news.assistedBranch != null ? news.assistedBranch
                : before == null ? null : before.assistedBranchId();
        String branch = assisted != null ? assisted : attribution.branch(customerId, null);
        Instant responded = later(before == null ? null : before.lastRespondedAt(), news.respondedAt);
        return new SilentStore.Customer(customerId, branch, attribution.region(branch), assisted, state, responded,
                watermark);
    }

    private static JourneySummary summary(EventPayload payload) {
        return switch (payload) {
        case JourneyStarted e -> e.journey();
        case JourneyProgressed e -> e.journey();
        case JourneyInterrupted e -> e.journey();
        case JourneyResumed e -> e.journey();
        case JourneyCompleted e -> e.journey();
        default -> null;
        };
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
