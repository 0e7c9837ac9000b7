package io.windbell.workorder.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.workorder.intake.Signal;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;

/** Events for intake's tests, varied from the contracts' examples, and reads of what intake stored. */
public final class Signals {

    private static final LowScoreAlert ALERT = (LowScoreAlert) EventJson.example(EventType.ALERT_LOW_SCORE);
    private static final JourneyInterrupted INTERRUPTED = (JourneyInterrupted) EventJson
            .example(EventType.JOURNEY_INTERRUPTED);
    private static final SurveyResponded RESPONDED = (SurveyResponded) EventJson.example(EventType.SURVEY_RESPONDED);

    private Signals() {
    }

    /** A fresh customer id, so that a test sees only its own orders in the shared database. */
    public static String customer(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The example alert for {@code customerId}, with a new alert and response id and {@code severity}. */
    public static LowScoreAlert lowScore(String customerId, Severity severity) {
        return lowScore(customerId, severity, AnchorMetric.NPS, 3, null);
    }

    /** A low score answering the follow-up of {@code workOrderId}. */
    public static LowScoreAlert lowScore(String customerId, Severity severity, AnchorMetric metric, int score,
            UUID followUpOf) {
        return new LowScoreAlert(UUID.randomUUID(), customerId, UUID.randomUUID(), metric, score, severity, "private",
                now(), journey(ALERT.journey(), customerId, ALERT.journey().journeyInstanceId()),
                ALERT.failingTouchpoints(), ALERT.comment(), ALERT.branchId(), "E0001", ALERT.productId(), followUpOf);
    }

    /** The same alert under its own ids but answering a follow-up: the response id is the follow-up's. */
    public static LowScoreAlert followUpAlert(SurveyResponded answer) {
        return new LowScoreAlert(UUID.randomUUID(), answer.customerId(), answer.responseId(), answer.anchorMetric(),
                answer.anchorScore(), Severity.HIGH, "private", now(), null, List.of(), null, null, null, null,
                answer.followUpOfWorkOrderId());
    }

    /** An interruption of a new instance of {@code journeyCode}, its last touchpoint a key node or not. */
    public static JourneyInterrupted interrupted(String customerId, String journeyCode, Boolean keyNode,
            String productId) {
        TouchpointVisit last = new TouchpointVisit("wealth.risk_assessment", "MOBILE_APP", Outcome.FAILURE,
                OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS), 30_000L, "RA-TIMEOUT-504",
                null, null, productId, keyNode);
        JourneySummary journey = journey(INTERRUPTED.journey(), customerId, UUID.randomUUID());
        journey = new JourneySummary(journey.journeyInstanceId(), journeyCode, journey.definitionVersion(), customerId,
                journey.stage(), journey.phase(), journey.status(), journey.revision(), journey.startedAt(),
                journey.updatedAt(), journey.channels(), List.of(last));
        return new JourneyInterrupted(journey, InterruptionReason.FAILURE, last, List.of("RA-TIMEOUT-504"), now());
    }

    /** An answer to the follow-up of {@code workOrderId}. */
    public static SurveyResponded followUpAnswer(String customerId, UUID workOrderId, AnchorMetric metric, int score) {
        return new SurveyResponded(UUID.randomUUID(), UUID.randomUUID(), customerId, RESPONDED.surveyCode(),
                RESPONDED.locale(), now(), metric, score, RESPONDED.answers(), null, null, null, null, workOrderId);
    }

    public static List<WorkOrder> orders(String customerId) {
        return read(() -> WorkOrder.<WorkOrder> list("customerId = ?1 order by createdAt", customerId));
    }

    public static WorkOrder order(UUID id) {
        return read(() -> WorkOrder.<WorkOrder> findById(id));
    }

    public static List<Signal> signals(UUID workOrderId) {
        return read(() -> Signal.<Signal> list("workOrderId = ?1 order by at", workOrderId));
    }

    public static List<HistoryEntry.Action> history(UUID workOrderId) {
        return read(() -> HistoryEntry.<HistoryEntry> list("workOrderId = ?1 order by id", workOrderId)).stream()
                .map(entry -> entry.action).toList();
    }

    /** Runs reactive work in a transaction from the test thread, as the consumers run it. */
    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(Supplier<Uni<T>> query) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static JourneySummary journey(JourneySummary example, String customerId, UUID instanceId) {
        return new JourneySummary(instanceId, example.definitionCode(), example.definitionVersion(), customerId,
                example.stage(), example.phase(), example.status(), example.revision(), example.startedAt(),
                example.updatedAt(), example.channels(), example.touchpoints());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
