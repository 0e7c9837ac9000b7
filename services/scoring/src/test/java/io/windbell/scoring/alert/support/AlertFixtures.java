package io.windbell.scoring.alert.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;

/** Events for the alert tests, built from the schemas' examples, and ways to read what scoring published. */
public final class AlertFixtures {

    private AlertFixtures() {
    }

    /** A fresh id that matches the opaque id rule, e.g. {@code C-1a2b3c4d}. */
    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A lower-case code part for touchpoint codes. */
    public static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /**
     * The example {@code survey.responded} (an NPS response with two failed risk-assessment visits and an open-text
     * answer) as a new response of {@code customerId}.
     */
    public static SurveyResponded response(String customerId, int npsScore, String branchId) {
        SurveyResponded example = (SurveyResponded) EventJson.example(EventType.SURVEY_RESPONDED);
        JourneySummary journey = example.journey();
        JourneySummary own = new JourneySummary(UUID.randomUUID(), journey.definitionCode(),
                journey.definitionVersion(), customerId, journey.stage(), journey.phase(), journey.status(),
                journey.revision(), journey.startedAt(), journey.updatedAt(), journey.channels(),
                journey.touchpoints());
        List<Answer> answers = example.answers().stream().map(a -> a.type().name().equals("NPS")
                ? new Answer(a.questionId(), a.type(), a.touchpointCode(), npsScore, null, null) : a).toList();
        return new SurveyResponded(UUID.randomUUID(), UUID.randomUUID(), customerId, example.surveyCode(),
                example.locale(), example.respondedAt(), AnchorMetric.NPS, npsScore, answers, own, branchId,
                example.employeeId(), example.productId(), null);
    }

    /** A low answer to the follow-up of a recovery work order: no journey, no branch of its own. */
    public static SurveyResponded followUp(String customerId, int npsScore, String branchId, UUID workOrderId) {
        return new SurveyResponded(UUID.randomUUID(), UUID.randomUUID(), customerId, "RECOVERY_FOLLOW_UP", "zh-CN",
                Instant.now(), AnchorMetric.NPS, npsScore, List.of(new Answer("q-nps-001",
                        io.windbell.contracts.survey.QuestionType.NPS, null, npsScore, null, null)),
                null, branchId, null, null, workOrderId);
    }

    /** A touchpoint event received by ingest at {@code receivedAt}. */
    public static TouchpointRecorded touchpoint(String customerId, String touchpoint, Outcome outcome,
            Instant receivedAt, Map<String, Object> attributes) {
        return new TouchpointRecorded(UUID.randomUUID(), OffsetDateTime.ofInstant(receivedAt, ZoneOffset.ofHours(8)),
                receivedAt, "MOBILE_APP", touchpoint, customerId, null, null, outcome,
                outcome == Outcome.FAILURE ? "E-TIMEOUT" : null, 1200L, null, null, null, "zh-CN", attributes);
    }

    /** Whether a published record is of {@code type}. */
    public static boolean isType(ConsumerRecord<String, byte[]> record, EventType type) {
        return type.type().equals(header(record, CloudEvents.TYPE_HEADER));
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The payload of a published record as its type's record. */
    public static <T extends EventPayload> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return EventJson.read(record.value(), type);
    }
}
