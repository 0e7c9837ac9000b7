package io.windbell.survey.response;

import static io.restassured.RestAssured.given;
import static io.windbell.survey.support.SentInvitations.ANCHOR;
import static io.windbell.survey.support.SentInvitations.OPEN_TEXT;
import static io.windbell.survey.support.SentInvitations.ORDER;
import static io.windbell.survey.support.SentInvitations.RISK;
import static io.windbell.survey.support.SentInvitations.TOUCHPOINT;
import static io.windbell.survey.support.SentInvitations.WHAT_WENT_WRONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.survey.invitation.LinkTokens;
import io.windbell.survey.support.SentInvitations;
import io.windbell.survey.support.SentInvitations.Sent;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;

/** The public JSON API behind survey links: open, draft, answer once, and every way a link can be unusable. */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class RespondentResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    SentInvitations invitations;

    @BeforeEach
    void fixtures() {
        invitations = new SentInvitations(dataSource);
    }

    @Test
    void openDraftAndSubmitEmitOneValidSurveyResponded() throws Exception {
        Sent sent = invitations.invitation().employee("E0755001").insert();

        given().get("/v1/s/{token}?lang=en", sent.token()).then().statusCode(200).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").body("invitationId", equalTo(sent.id().toString()))
                .body("surveyCode", equalTo("WEALTH_PURCHASE_INTERRUPTED")).body("locale", equalTo("en"))
                .body("locales", contains("zh-CN", "en")).body("anchorMetric", equalTo("NPS"))
                .body("status", equalTo("SENT")).body("expiresAt", notNullValue())
                .body("questions.id", contains(ANCHOR, TOUCHPOINT, WHAT_WENT_WRONG, OPEN_TEXT))
                .body("questions[0].type", equalTo("NPS"))
                .body("questions[0].text", equalTo("How likely are you to recommend our wealth service to a friend?"))
                .body("questions[0].min", equalTo(0)).body("questions[0].max", equalTo(10))
                .body("questions[0].required", equalTo(true)).body("questions[1].min", equalTo(1))
                .body("questions[1].max", equalTo(7)).body("questions[2].options.id", contains(RISK, ORDER))
                .body("questions[2].options.label", contains("Risk assessment", "Placing the order"))
                .body("questions[2].showIf.questionId", equalTo(ANCHOR)).body("questions[2].showIf.min", equalTo(0))
                .body("questions[2].showIf.max", equalTo(6)).body("questions[2].min", nullValue())
                .body("draft", empty());
        assertThat(column("SELECT opened_at FROM invitation WHERE id = ?", sent.id())).isNotNull();

        // default language: the invitation's
        given().get("/v1/s/{token}", sent.token()).then().statusCode(200).body("locale", equalTo("zh-CN"))
                .body("questions[0].text", equalTo("您有多大可能向朋友推荐我们的理财服务？"));

        given().contentType(ContentType.JSON)
                .body(Map.of("answers",
                        List.of(Map.of("questionId", ANCHOR, "score", 3),
                                Map.of("questionId", WHAT_WENT_WRONG, "choices", List.of(RISK)))))
                .put("/v1/s/{token}/draft", sent.token()).then().statusCode(204).header("Cache-Control", "no-store");
        given().get("/v1/s/{token}", sent.token()).then().statusCode(200).body("draft", hasSize(2))
                .body("draft[0].questionId", equalTo(ANCHOR)).body("draft[0].score", equalTo(3))
                .body("draft[1].choices", contains(RISK)).body("draftSavedAt", notNullValue());

        String responseId = given().contentType(ContentType.JSON)
                .body(Map.of("locale", "en", "answers",
                        List.of(Map.of("questionId", ANCHOR, "score", 3), Map.of("questionId", TOUCHPOINT, "score", 6),
                                Map.of("questionId", WHAT_WENT_WRONG, "choices", List.of(RISK, ORDER)),
                                Map.of("questionId", OPEN_TEXT, "text", "The risk assessment timed out twice."))))
                .post("/v1/s/{token}/responses", sent.token()).then().statusCode(201)
                .header("Cache-Control", "no-store").body("responseId", notNullValue()).extract().path("responseId");

        try (TopicProbe probe = TopicProbe.on(Topics.SURVEY_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = probe.await(of(sent), 1, WAIT);
            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.getFirst();
            assertThat(header(record, "ce_type")).isEqualTo(SurveyResponded.TYPE);
            assertThat(header(record, "ce_source")).isEqualTo("/windbell/survey");
            ContractAssertions.assertValid(EventType.of(SurveyResponded.TYPE), record.value());
            SurveyResponded event = EventJson.read(record.value(), SurveyResponded.class);
            assertThat(event.responseId()).hasToString(responseId);
            assertThat(event.invitationId()).isEqualTo(sent.id());
            assertThat(event.customerId()).isEqualTo(sent.customerId());
            assertThat(event.locale()).isEqualTo("en");
            assertThat(event.anchorMetric()).isEqualTo(AnchorMetric.NPS);
            assertThat(event.anchorScore()).isEqualTo(3);
            assertThat(event.answers()).containsExactly(new Answer(ANCHOR, QuestionType.NPS, null, 3, null, null),
                    new Answer(TOUCHPOINT, QuestionType.CES, RISK, 6, null, null),
                    new Answer(WHAT_WENT_WRONG, QuestionType.MULTIPLE_CHOICE, null, null, List.of(RISK, ORDER), null),
                    new Answer(OPEN_TEXT, QuestionType.OPEN_TEXT, null, null, null,
                            "The risk assessment timed out twice."));
            assertThat(event.journey().definitionCode()).isEqualTo("WEALTH_PURCHASE");
            assertThat(event.branchId()).isEqualTo("B0755012");
            assertThat(event.employeeId()).isEqualTo("E0755001");
            assertThat(event.productId()).isEqualTo("WM-FH-180D");
            assertThat(event.followUpOfWorkOrderId()).isNull();
            assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        }
        assertThat(column("SELECT status FROM invitation WHERE id = ?", sent.id())).isEqualTo("RESPONDED");
        assertThat(column("SELECT closed_at FROM invitation WHERE id = ?", sent.id())).isNotNull();
        assertThat(column("SELECT draft FROM invitation WHERE id = ?", sent.id())).isNull();
        assertThat(column("SELECT anchor_score || ' ' || locale || ' ' || branch_id || ' ' || employee_id"
                + " || ' ' || product_id FROM response WHERE invitation_id = ?", sent.id()))
                        .isEqualTo("3 en B0755012 E0755001 WM-FH-180D");
        assertThat(column("SELECT answers->2->>'touchpointCode' FROM response WHERE invitation_id = ?", sent.id()))
                .isNull();
        assertThat(column("SELECT answers->1->>'touchpointCode' FROM response WHERE invitation_id = ?", sent.id()))
                .isEqualTo(RISK);
    }

    @Test
    void aFollowUpCarriesItsWorkOrderAndNoJourney() throws Exception {
        UUID workOrder = UUID.randomUUID();
        Sent sent = invitations.invitation().followUpOf(workOrder).insert();
        submit(sent, Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 9)))).statusCode(201);
        try (TopicProbe probe = TopicProbe.on(Topics.SURVEY_EVENTS)) {
            ConsumerRecord<String, byte[]> record = probe.await(of(sent), 1, WAIT).getFirst();
            ContractAssertions.assertValid(EventType.of(SurveyResponded.TYPE), record.value());
            SurveyResponded event = EventJson.read(record.value(), SurveyResponded.class);
            assertThat(event.followUpOfWorkOrderId()).isEqualTo(workOrder);
            assertThat(event.journey()).isNull();
            assertThat(event.locale()).isEqualTo("zh-CN");
            assertThat(event.answers()).extracting(Answer::questionId).containsExactly(ANCHOR);
        }
    }

    @Test
    void aSecondSubmitIsAConflict() {
        Sent sent = invitations.invitation().insert();
        Map<String, Object> body = Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 8)));
        submit(sent, body).statusCode(201);
        submit(sent, body).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://windbell.io/problems/survey-answered")).body("status", equalTo(409));
        given().get("/v1/s/{token}", sent.token()).then().statusCode(409);
        draft(sent, List.of(Map.of("questionId", ANCHOR, "score", 8))).statusCode(409);
        assertThat(column("SELECT count(*) FROM response WHERE invitation_id = ?", sent.id())).isEqualTo("1");
    }

    @Test
    void anExpiredOrWithdrawnLinkIsGone() {
        for (Sent sent : List.of(invitations.invitation().expired().insert(),
                invitations.invitation().status("EXPIRED").expired().insert(),
                invitations.invitation().status("CANCELLED").insert())) {
            given().get("/v1/s/{token}", sent.token()).then().statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo("https://windbell.io/problems/survey-expired"))
                    .body("title", equalTo("Gone"));
            draft(sent, List.of(Map.of("questionId", ANCHOR, "score", 8))).statusCode(410);
            submit(sent, Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 8)))).statusCode(410);
            assertThat(column("SELECT count(*) FROM response WHERE invitation_id = ?", sent.id())).isEqualTo("0");
            assertThat(column("SELECT opened_at FROM invitation WHERE id = ?", sent.id())).isNull();
        }
    }

    /** The invitation's genuine token, after its stored nonce hash was replaced (as if issued with another nonce). */
    private String withAnotherStoredNonce(Sent sent) {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("UPDATE invitation SET token_hash = ? WHERE id = ?")) {
            ps.setBytes(1, new byte[32]);
            ps.setObject(2, sent.id());
            assertThat(ps.executeUpdate()).isOne();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sent.token();
    }

    @Test
    void forgedAlteredOrStaleTokensAreNotFoundAlike() {
        Sent sent = invitations.invitation().insert();
        String token = sent.token();
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);
        List<String> bad = List.of("nope", altered, token.substring(1),
                // genuine tag, no such invitation
                SentInvitations.TOKENS.issue(UUID.randomUUID()).token(),
                // genuine tag for an invitation, but not the nonce stored with it
                withAnotherStoredNonce(invitations.invitation().insert()),
                // signed with another key
                new LinkTokens("some-other-survey-link-key-0000").issue(sent.id()).token());
        for (String token1 : bad) {
            given().get("/v1/s/{token}", token1).then().statusCode(404).contentType("application/problem+json")
                    .header("Cache-Control", "no-store")
                    .body("type", equalTo("https://windbell.io/problems/survey-not-found"))
                    .body("detail", equalTo("no survey behind this link"));
            given().contentType(ContentType.JSON)
                    .body(Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 8))))
                    .post("/v1/s/{token}/responses", token1).then().statusCode(404);
            given().contentType(ContentType.JSON).body(Map.of("answers", List.of())).put("/v1/s/{token}/draft", token1)
                    .then().statusCode(404);
        }
        assertThat(column("SELECT opened_at FROM invitation WHERE id = ?", sent.id())).isNull();
        given().get("/v1/s/{token}", token).then().statusCode(200);
    }

    @Test
    void invalidAnswersAreUnprocessableFieldByField() {
        Sent sent = invitations.invitation().insert();
        submit(sent,
                Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 11),
                        Map.of("questionId", TOUCHPOINT, "text", "hard"), Map.of("questionId", "Q_NOPE", "score", 1),
                        Map.of("questionId", OPEN_TEXT, "text", "x".repeat(2001))))).statusCode(422)
                                .contentType("application/problem+json")
                                .body("type", equalTo("https://windbell.io/problems/invalid-answers"))
                                .body("violations.field", contains("answers[0].score", "answers[1].score",
                                        "answers[1].text", "answers[2].questionId", "answers[3].text"));
        submit(sent, Map.of("answers", List.of(Map.of("questionId", TOUCHPOINT, "score", 3)))).statusCode(422)
                .body("violations.field", contains("answers"))
                .body("violations[0].message", equalTo("question Q_NPS must be answered"));
        submit(sent, Map.of("locale", "fr", "answers", List.of(Map.of("questionId", ANCHOR, "score", 3))))
                .statusCode(422).body("violations.field", contains("locale"));
        draft(sent, List.of(Map.of("questionId", ANCHOR, "score", 99))).statusCode(422).body("violations.field",
                contains("answers[0].score"));
        // nothing was stored by any of them
        assertThat(column("SELECT status FROM invitation WHERE id = ?", sent.id())).isEqualTo("SENT");
        assertThat(column("SELECT draft FROM invitation WHERE id = ?", sent.id())).isNull();
    }

    @Test
    void looseJsonIsRefusedAtItsFieldInPlainWords() {
        Sent sent = invitations.invitation().insert();
        String answers = "{\"answers\":[{\"questionId\":\"" + ANCHOR + "\",";
        submitRaw(sent, answers + "\"score\":3.5}]}").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://windbell.io/problems/malformed-body"))
                .body("violations.field", contains("answers[0].score"))
                .body("violations[0].message", equalTo("must be an integer"));
        submitRaw(sent, answers + "\"score\":\"5\"}]}").statusCode(400)
                .body("violations.field", contains("answers[0].score"))
                .body("violations[0].message", equalTo("must be an integer"));
        submitRaw(sent, answers + "\"score\":99,\"score\":7}]}").statusCode(400)
                .body("violations.field", contains("answers[0].score"))
                .body("violations[0].message", equalTo("duplicate field"));
        submitRaw(sent, answers + "\"score\":7,\"scor\":7}]}").statusCode(400)
                .body("violations.field", contains("answers[0].scor"))
                .body("violations[0].message", equalTo("unknown field"));
        submitRaw(sent, answers + "\"score\":7,\"text\":\"a\\u0000b\"}]}").statusCode(400)
                .body("violations.field", contains("answers[0].text"))
                .body("violations[0].message", equalTo(io.windbell.contracts.Text.RULE));
        String typeNames = submitRaw(sent, "{\"answers\":{\"questionId\":\"" + ANCHOR + "\"}}").statusCode(400)
                .body("violations.field", contains("answers"))
                .body("violations[0].message", equalTo("must be an array")).extract().asString();
        assertThat(typeNames).doesNotContain("java.", "io.windbell", "AnswerInput");
        // nothing was stored by any of them, not even a score of 3
        assertThat(column("SELECT status FROM invitation WHERE id = ?", sent.id())).isEqualTo("SENT");
    }

    @Test
    void aHundredThousandBadChoicesAreAnsweredWithTheFirstTwentyAndACount() {
        Sent sent = invitations.invitation().insert();
        List<String> choices = java.util.Collections.nCopies(100_000, "NOPE");
        submit(sent,
                Map.of("answers",
                        List.of(Map.of("questionId", ANCHOR, "score", 3),
                                Map.of("questionId", WHAT_WENT_WRONG, "choices", choices)))).statusCode(422)
                                        .body("violations", hasSize(20))
                                        .body("violations[0].field", equalTo("answers[1].choices[0]"))
                                        .body("omittedViolations", equalTo(99_980))
                                        .body("detail", org.hamcrest.Matchers.containsString("99980 more are not"));
    }

    @Test
    void theDetractorQuestionIsOnlyForDetractors() {
        Sent promoter = invitations.invitation().insert();
        submit(promoter,
                Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 9),
                        Map.of("questionId", WHAT_WENT_WRONG, "choices", List.of(RISK))))).statusCode(422)
                                .body("violations.field", contains("answers[1].questionId"))
                                .body("violations[0].message", equalTo(
                                        "question Q_WRONG is asked only when the answer to Q_NPS is between 0 and 6"));
        submit(promoter, Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 9)))).statusCode(201);

        Sent detractor = invitations.invitation().insert();
        submit(detractor, Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 6),
                Map.of("questionId", WHAT_WENT_WRONG, "choices", List.of(ORDER))))).statusCode(201);
        assertThat(column("SELECT answers->1->'choices'->>0 FROM response WHERE invitation_id = ?", detractor.id()))
                .isEqualTo(ORDER);
    }

    @Test
    void twoSimultaneousSubmitsStoreOneResponseAndOneEvent() throws Exception {
        for (int round = 0; round < 3; round++) {
            Sent sent = invitations.invitation().insert();
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> submit = () -> {
                start.await();
                return submit(sent, Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 2)))).extract()
                        .statusCode();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                results.add(pool.submit(submit));
                results.add(pool.submit(submit));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdownNow();
            }
            assertThat(column("SELECT count(*) FROM response WHERE invitation_id = ?", sent.id())).isEqualTo("1");
            try (TopicProbe probe = TopicProbe.on(Topics.SURVEY_EVENTS)) {
                probe.await(of(sent), 1, WAIT);
                // a duplicate, were there one, would follow within moments: the relay is woken on commit
                assertThatThrownBy(() -> probe.await(of(sent), 2, Duration.ofMillis(1500)))
                        .isInstanceOf(AssertionError.class).hasMessageContaining("saw 1 of");
            }
        }
    }

    @Test
    void theOpenApiDocumentMarksThePublicApiAsNeedingNoToken() {
        // [{}]: the one alternative requires nothing, so anonymous callers are fine
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/s/{token}'.get.security", equalTo(List.of(Map.of())))
                .body("paths.'/v1/s/{token}/draft'.put.security", equalTo(List.of(Map.of())))
                .body("paths.'/v1/s/{token}/responses'.post.security", equalTo(List.of(Map.of())))
                .body("paths.'/v1/s/{token}/responses'.post.responses", org.hamcrest.Matchers.hasKey("422"))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/s/{token}")));
    }

    private static ValidatableResponse submitRaw(Sent sent, String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/s/{token}/responses", sent.token()).then();
    }

    private static ValidatableResponse submit(Sent sent, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/s/{token}/responses", sent.token()).then();
    }

    private static ValidatableResponse draft(Sent sent, List<Map<String, Object>> answers) {
        return given().contentType(ContentType.JSON).body(Map.of("answers", answers))
                .put("/v1/s/{token}/draft", sent.token()).then();
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> of(Sent sent) {
        return r -> sent.customerId().equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains(sent.id().toString());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String column(String sql, Object parameter) {
        return invitations.column(sql, parameter);
    }
}
