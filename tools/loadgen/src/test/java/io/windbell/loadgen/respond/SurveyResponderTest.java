package io.windbell.loadgen.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.SurveyInvited;

/** The responder against a fake respondent API: what it sends, what it counts, and what it never prints. */
class SurveyResponderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "C000123456";

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final RespondTally tally = new RespondTally();

    /**
     * Gives each invitation the link {@code .../s/secret-token-<invitation id>}, serves
     * {@link RespondentTest#npsSurvey()} for every token and answers POSTs with a fixed status.
     */
    static final class FakeApi implements SurveyApi {
        final Queue<UUID> linksAskedFor = new ConcurrentLinkedQueue<>();
        final Map<String, String> langs = new ConcurrentHashMap<>();
        final Queue<JsonNode> posted = new ConcurrentLinkedQueue<>();
        final Queue<Instant> postedAt = new ConcurrentLinkedQueue<>();
        volatile int linkStatus = 200;
        volatile int getStatus = 200;
        volatile int postStatus = 201;
        volatile String problem = "";

        @Override
        public Reply link(UUID invitationId) {
            linksAskedFor.add(invitationId);
            return new Reply(linkStatus,
                    (linkStatus == 200 ? "{\"linkUrl\":\"http://127.0.0.1:8083/s/secret-token-" + invitationId + "\"}"
                            : problem).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Reply form(String token, String lang) throws IOException {
            langs.put(token, lang);
            return new Reply(getStatus, getStatus == 200 ? JSON.writeValueAsBytes(RespondentTest.npsSurvey())
                    : problem.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Reply respond(String token, byte[] submission) throws IOException {
            postedAt.add(Instant.now());
            posted.add(JSON.readTree(submission));
            return new Reply(postStatus, postStatus == 201 ? "{\"responseId\":\"r1\"}".getBytes(StandardCharsets.UTF_8)
                    : problem.getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void answersTheShareOfInvitationsGivenByTheResponseRate() {
        FakeApi api = new FakeApi();
        SurveyResponder responder = new SurveyResponder(api, 0.6, 0, 7, executor, tally, err);
        for (int i = 0; i < 500; i++) {
            responder.offer(invited("zh-CN", InvitationReason.Code.JOURNEY_COMPLETED), Instant.now());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> tally.pending() == 0);

        assertThat(tally.invited()).isEqualTo(500);
        assertThat(tally.answered() + tally.skipped()).isEqualTo(500);
        assertThat(tally.answered()).isBetween(250L, 350L);
        assertThat(tally.errorCount()).isZero();
        assertThat(api.posted).hasSize((int) tally.answered()).allSatisfy(body -> {
            assertThat(body.path("locale").asText()).isEqualTo("zh-CN");
            assertThat(body.path("answers").get(0).path("questionId").asText()).isEqualTo("nps");
        });
        assertThat(api.langs.values()).containsOnly("zh-CN");
        // the event carries no link: each answered invitation's link came from survey, by its invitation id
        assertThat(api.linksAskedFor).hasSize((int) tally.answered()).doesNotHaveDuplicates();
        assertThat(api.langs.keySet()).allSatisfy(token -> assertThat(token).startsWith("secret-token-"));
        assertThat(tally.sentiments().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(tally.answered());
    }

    @Test
    void waitsUntilTheInvitationIsDeliveredPlusTheDelay() {
        FakeApi api = new FakeApi();
        SurveyResponder responder = new SurveyResponder(api, 1.0, 200, 1, executor, tally, err);
        Instant now = Instant.now();
        Instant delivered = now.plusMillis(600);
        responder.offer(invited("en", InvitationReason.Code.JOURNEY_COMPLETED, delivered), now);
        assertThat(tally.pending()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> tally.answered() == 1);
        // the answer never arrives before delivery (plus up to 200 ms of "reading"), however the threads were scheduled
        assertThat(api.postedAt).singleElement().satisfies(at -> assertThat(at).isAfterOrEqualTo(delivered));
    }

    @Test
    void countsRefusalsByStatusAndNeverPrintsTheTokenOrTheCustomer() {
        FakeApi api = new FakeApi();
        api.postStatus = 410;
        // a path with a token other than the invitation's (a proxy may rewrite it): still masked
        api.problem = "{\"type\":\"about:blank\",\"title\":\"Gone\",\"status\":410,\"instance\":\"/v1/s/secret-token-9/responses\"}";
        SurveyResponder responder = new SurveyResponder(api, 1.0, 0, 1, executor, tally, err);
        responder.offer(invited("en", InvitationReason.Code.JOURNEY_INTERRUPTED), Instant.now());
        responder.offer(invited("en", InvitationReason.Code.JOURNEY_INTERRUPTED), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> tally.pending() == 0);

        api.getStatus = 404;
        api.problem = "{\"status\":404,\"instance\":\"/v1/s/secret-token-3\"}";
        responder.offer(invited("en", InvitationReason.Code.JOURNEY_COMPLETED), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> tally.pending() == 0);

        assertThat(tally.errors()).containsEntry("POST 410", 2L).containsEntry("GET 404", 1L);
        assertThat(tally.answered()).isZero();
        String printed = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("POST 410 for invitation", "GET 404", "<token>").doesNotContain("secret-token")
                .doesNotContain(CUSTOMER);
        // each kind of problem is printed once
        assertThat(printed.split("POST 410", -1)).hasSize(2);
    }

    @Test
    void aLinkSurveyDoesNotGiveOutIsCountedAndNothingIsOpened() {
        FakeApi api = new FakeApi();
        api.linkStatus = 410;
        api.problem = "{\"status\":410,\"title\":\"Gone\"}";
        SurveyResponder responder = new SurveyResponder(api, 1.0, 0, 1, executor, tally, err);
        SurveyInvited invited = invited("en", InvitationReason.Code.JOURNEY_COMPLETED);
        responder.offer(invited, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> tally.pending() == 0);

        assertThat(api.linksAskedFor).containsExactly(invited.invitationId());
        assertThat(tally.errors()).containsEntry("LINK 410", 1L);
        assertThat(api.langs).isEmpty();
        assertThat(api.posted).isEmpty();
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("LINK 410 for invitation " + invited.invitationId());
    }

    @Test
    void onlySurveyInvitedRecordsAreOffered() {
        FakeApi api = new FakeApi();
        SurveyResponder responder = new SurveyResponder(api, 0.0, 0, 1, executor, tally, err);
        SurveyInvited invited = invited("en", InvitationReason.Code.JOURNEY_COMPLETED);

        RespondCommand.offer(record("survey.invited", EventJson.toBytes(invited)), responder, tally);
        RespondCommand.offer(record("survey.responded", "{}".getBytes(StandardCharsets.UTF_8)), responder, tally);
        RespondCommand.offer(record(null, "{}".getBytes(StandardCharsets.UTF_8)), responder, tally);
        RespondCommand.offer(record("survey.invited", "not json".getBytes(StandardCharsets.UTF_8)), responder, tally);

        assertThat(tally.invited()).isEqualTo(1);
        assertThat(tally.skipped()).isEqualTo(1);
        assertThat(tally.otherEvents()).isEqualTo(2);
        assertThat(tally.unreadable()).isEqualTo(1);
    }

    private static ConsumerRecord<String, byte[]> record(String type, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        if (type != null) {
            headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>("cx.survey-events.v1", 0, 0, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, value.length, CUSTOMER, value, headers,
                java.util.Optional.empty());
    }

    static SurveyInvited invited(String locale, InvitationReason.Code reason) {
        return invited(locale, reason, Instant.now());
    }

    static SurveyInvited invited(String locale, InvitationReason.Code reason, Instant invitedAt) {
        return new SurveyInvited(UUID.randomUUID(), CUSTOMER, UUID.randomUUID(), "WEALTH_PURCHASE_NPS",
                AnchorMetric.NPS, DeliveryChannel.APP_PUSH, locale, invitedAt, invitedAt.plus(Duration.ofDays(3)),
                List.of("nps"), List.of(new InvitationReason(reason, null, null, null)), null);
    }
}
