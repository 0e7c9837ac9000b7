package io.windbell.notification.invitation;

import static io.windbell.notification.invitation.InvitationStandIns.PUSHES;
import static io.windbell.notification.invitation.InvitationStandIns.SURVEY_ANSWERS;
import static io.windbell.notification.invitation.InvitationStandIns.SURVEY_CALLS;
import static io.windbell.notification.invitation.InvitationStandIns.TEXTS;
import static io.windbell.notification.invitation.InvitationStandIns.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.notification.channel.apppush.AppPushSender;
import io.windbell.notification.channel.sms.SmsSender;
import io.windbell.notification.delivery.Delivery;
import io.windbell.notification.delivery.DeliveryStatus;
import io.windbell.notification.delivery.DeliveryWorker;
import io.windbell.notification.delivery.OutboundHttp;
import io.windbell.notification.delivery.Sender;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.testing.EventFeed;
import io.windbell.testing.TopicProbe;

/**
 * {@code survey.invited} on Kafka → one delivery row per invitation → the sender fetches the link from survey with the
 * service account's token and hands the invitation to the push service or the SMS gateway. The delivery worker is
 * another part's: these tests call the senders directly on the enqueued rows.
 */
@QuarkusTest
@TestProfile(InvitationTestProfile.class)
@QuarkusTestResource(NotificationTestResource.class)
class InvitationDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 22:00 in Shanghai on the clock's day: after the SMS hours. */
    private static final Instant EVENING = Instant.parse("2030-01-15T14:00:00Z");

    private static EventFeed survey;

    @Inject
    DataSource dataSource;

    @Inject
    AppPushSender appPush;

    @Inject
    SmsSender sms;

    @Inject
    DeliveryWorker worker;

    @BeforeAll
    static void feed() {
        survey = new EventFeed("survey");
    }

    @AfterAll
    static void close() {
        survey.close();
    }

    @AfterEach
    void morning() {
        FixedInvitationClock.set(FixedInvitationClock.MORNING);
    }

    @Test
    void anAppPushInvitationReachesThePushServiceOnceWithTheLinkSurveyHandedOut() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.APP_PUSH, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        survey.send(invitation);

        Row row = awaitRow(invitation);
        assertThat(row.channel()).isEqualTo("APP_PUSH");
        assertThat(row.status()).isEqualTo("QUEUED");
        assertThat(row.nextAttemptAt()).isEqualTo(invitation.invitedAt());
        assertThat(row.notAfter()).isEqualTo(invitation.expiresAt());
        JsonNode content = EventJson.mapper().readTree(row.content());
        assertThat(content.path("json").path("invitationId").asText()).isEqualTo(invitation.invitationId().toString());
        assertThat(content.path("json").path("surveyCode").asText()).isEqualTo(invitation.surveyCode());
        assertThat(content.path("json").path("channel").asText()).isEqualTo("APP_PUSH");
        assertThat(content.path("json").path("locale").asText()).isEqualTo("zh-CN");
        assertThat(content.path("subject").asText()).isEqualTo("邀请您评价本次服务");
        assertThat(row.content()).as("no credential is stored").doesNotContain("survey.example");

        assertThat(send(appPush, row)).isEqualTo(DeliveryStatus.SENT);

        List<InvitationStandIns.Received> pushes = received(PUSHES, invitation.invitationId());
        assertThat(pushes).hasSize(1);
        JsonNode body = EventJson.mapper().readTree(pushes.getFirst().body().encode());
        assertThat(body.path("customerId").asText()).isEqualTo(invitation.customerId());
        assertThat(body.path("url").asText()).isEqualTo(InvitationStandIns.linkOf(invitation.invitationId()));
        assertThat(body.path("title").asText()).isEqualTo("邀请您评价本次服务");
        assertThat(body.path("body").asText()).contains("1月18日 10:00");
        assertThat(body.path("invitationId").asText()).isEqualTo(invitation.invitationId().toString());
        assertThat(body.path("expiresAt").asText()).isEqualTo("2030-01-18T02:00:00Z");
        assertThat(pushes.getFirst().headers()).containsKey("idempotency-key");

        List<InvitationStandIns.Received> calls = received(SURVEY_CALLS, invitation.invitationId());
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().authorization()).as("the token the token endpoint issued reached survey")
                .isIn(InvitationStandIns.ISSUED_TOKENS.stream().map(t -> "Bearer " + t).toList());
        assertThat(InvitationStandIns.TOKEN_REQUESTS.getFirst().body().getString("grant_type"))
                .isEqualTo("client_credentials");
        assertThat(InvitationStandIns.TOKEN_REQUESTS.getFirst().authorization()).as("client_secret_basic")
                .startsWith("Basic ");
    }

    @Test
    void anSmsInsideItsWindowIsSentWithTheLinkInItsText() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.SMS, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "en");
        survey.send(invitation);

        Row row = awaitRow(invitation);
        assertThat(row.channel()).isEqualTo("SMS");
        assertThat(row.nextAttemptAt()).isEqualTo(FixedInvitationClock.MORNING);
        assertThat(send(sms, row)).isEqualTo(DeliveryStatus.SENT);

        List<InvitationStandIns.Received> texts = received(TEXTS, invitation.invitationId());
        assertThat(texts).hasSize(1);
        JsonNode body = EventJson.mapper().readTree(texts.getFirst().body().encode());
        assertThat(body.path("customerId").asText()).isEqualTo(invitation.customerId());
        assertThat(body.path("reference").asText()).isEqualTo(invitation.invitationId().toString());
        assertThat(body.path("text").asText()).startsWith("Thank you for banking with us.")
                .contains(InvitationStandIns.linkOf(invitation.invitationId())).contains("18 Jan 10:00")
                .doesNotContain(InvitationTexts.LINK);
        assertThat(texts.getFirst().headers()).containsEntry("x-api-key", InvitationStandIns.SMS_KEY);
    }

    @Test
    void anSmsWhoseWindowOpensLaterIsQueuedForTheOpening() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.SMS, EVENING, EVENING.plus(Duration.ofDays(3)), "zh-CN");
        survey.send(invitation);

        Row row = awaitRow(invitation);
        assertThat(row.status()).isEqualTo("QUEUED");
        assertThat(row.nextAttemptAt()).as("08:00 the next morning in Shanghai")
                .isEqualTo(Instant.parse("2030-01-16T00:00:00Z"));
    }

    @Test
    void anSmsWhoseWindowClosesBeforeItOpensIsSkipped() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.SMS, EVENING, EVENING.plus(Duration.ofHours(2)), "zh-CN");
        survey.send(invitation);

        Row row = awaitRow(invitation);
        assertThat(row.status()).isEqualTo("SKIPPED");
        assertThat(row.lastError()).contains("08:00-21:00");
    }

    @Test
    void anSmsDueAtNightWaitsForTheMorning() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.SMS, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        survey.send(invitation);
        Row row = awaitRow(invitation);

        FixedInvitationClock.set(EVENING);
        assertThatThrownBy(() -> send(sms, row))
                .isInstanceOfSatisfying(Sender.NotYet.class,
                        notYet -> assertThat(notYet.at()).as("08:00 the next morning in Shanghai")
                                .isEqualTo(Instant.parse("2030-01-16T00:00:00Z")))
                .hasMessageContaining("allowed hours");
        assertThat(received(SURVEY_CALLS, invitation.invitationId())).as("not even the link was asked for").isEmpty();
        assertThat(received(TEXTS, invitation.invitationId())).isEmpty();
    }

    @Test
    void theWorkerDefersAnSmsAtNightToTheMorningWithoutUsingUpAnAttempt() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.SMS, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        survey.send(invitation);
        Row row = awaitRow(invitation);

        FixedInvitationClock.set(EVENING);
        // the worker's own loop runs on the real clock, years before these rows are due: this pass is the only one
        await().atMost(WAIT).until(() -> {
            worker.runOnce(EVENING).await().atMost(WAIT);
            return !outcomes(row.id()).isEmpty();
        });

        Row deferred = rows(invitation).getFirst();
        assertThat(deferred.status()).isEqualTo("QUEUED");
        assertThat(deferred.nextAttemptAt()).isEqualTo(Instant.parse("2030-01-16T00:00:00Z"));
        assertThat(deferred.lastError()).contains("allowed hours");
        assertThat(outcomes(row.id())).containsExactly("DEFERRED");
        assertThat(attempts(row.id())).as("a night is not an attempt").isZero();
        assertThat(received(TEXTS, invitation.invitationId())).isEmpty();
    }

    @Test
    void anExpiredOrAnsweredInvitationIsSkippedAndNothingIsSent() throws Throwable {
        SurveyInvited expired = invitation(DeliveryChannel.APP_PUSH, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        SurveyInvited answered = invitation(DeliveryChannel.SMS, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        SURVEY_ANSWERS.put(expired.invitationId(), new InvitationStandIns.Answer(410, "gone"));
        SURVEY_ANSWERS.put(answered.invitationId(), new InvitationStandIns.Answer(409, "answered"));
        survey.send(expired);
        survey.send(answered);

        // the worker records them SKIPPED with this reason as the row's last error
        Row expiredRow = awaitRow(expired);
        Row answeredRow = awaitRow(answered);
        assertThatThrownBy(() -> send(appPush, expiredRow)).isInstanceOf(Sender.NothingToSend.class)
                .hasMessage("the invitation is expired or cancelled");
        assertThatThrownBy(() -> send(sms, answeredRow)).isInstanceOf(Sender.NothingToSend.class)
                .hasMessage("the invitation is answered");
        assertThat(received(PUSHES, expired.invitationId())).isEmpty();
        assertThat(received(TEXTS, answered.invitationId())).isEmpty();
    }

    @Test
    void whileSurveyIsDownOrHasNotDeliveredItTheSendIsRetriedThenSent() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.APP_PUSH, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "en");
        SURVEY_ANSWERS.put(invitation.invitationId(), new InvitationStandIns.Answer(503, "unavailable"));
        survey.send(invitation);
        Row row = awaitRow(invitation);

        assertThatThrownBy(() -> send(appPush, row)).isInstanceOf(OutboundHttp.RetryableFailure.class)
                .isNotInstanceOf(Sender.PermanentFailure.class);
        SURVEY_ANSWERS.put(invitation.invitationId(), new InvitationStandIns.Answer(409, "not-delivered"));
        assertThatThrownBy(() -> send(appPush, row)).isInstanceOf(OutboundHttp.RetryableFailure.class);
        assertThat(received(PUSHES, invitation.invitationId())).isEmpty();

        SURVEY_ANSWERS.remove(invitation.invitationId());
        assertThat(send(appPush, row)).isEqualTo(DeliveryStatus.SENT);
        assertThat(received(PUSHES, invitation.invitationId())).hasSize(1);
        assertThat(received(SURVEY_CALLS, invitation.invitationId())).hasSize(3);
    }

    @Test
    void anInvitationSurveyDoesNotKnowFailsForGood() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.SMS, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        SURVEY_ANSWERS.put(invitation.invitationId(), new InvitationStandIns.Answer(404, "not-found"));
        survey.send(invitation);

        Row row = awaitRow(invitation);
        assertThatThrownBy(() -> send(sms, row)).isInstanceOf(Sender.PermanentFailure.class);
        assertThat(received(TEXTS, invitation.invitationId())).isEmpty();
    }

    @Test
    void theSameInvitationTwiceIsOneDelivery() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.APP_PUSH, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        UUID eventId = UUID.randomUUID();
        survey.send(eventId, invitation);
        survey.send(eventId, invitation);
        // republished under a new event id: still the same invitation
        survey.send(invitation);
        // the same customer's next record is on the same partition: once it is in, the three before it were consumed
        SurveyInvited sentinel = new SurveyInvited(UUID.randomUUID(), invitation.customerId(), null, "SENTINEL",
                AnchorMetric.NPS, DeliveryChannel.APP_PUSH, "zh-CN", invitation.invitedAt(), invitation.expiresAt(),
                List.of(), List.of(), null);
        survey.send(sentinel);
        awaitRow(sentinel);

        assertThat(rows(invitation)).hasSize(1);
    }

    @Test
    void aWechatInvitationIsSkippedForWantOfAnAdapter() throws Throwable {
        SurveyInvited invitation = invitation(DeliveryChannel.WECHAT, FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), "zh-CN");
        survey.send(invitation);

        Row row = awaitRow(invitation);
        assertThat(row.status()).isEqualTo("SKIPPED");
        assertThat(row.channel()).as("the log names the channel that was asked for").isEqualTo("WECHAT");
        assertThat(row.lastError()).isEqualTo("no adapter for survey channel WECHAT");
        assertThat(EventJson.mapper().readTree(row.content()).path("json").path("channel").asText())
                .isEqualTo("WECHAT");
    }

    @Test
    void anInvitationWithoutItsChannelGoesToTheDeadLetterTopic() throws Throwable {
        SurveyInvited poison = new SurveyInvited(UUID.randomUUID(), "C-inv-" + UUID.randomUUID(), null,
                "WEALTH_PURCHASE_INTERRUPTED", AnchorMetric.NPS, null, "zh-CN", FixedInvitationClock.MORNING,
                FixedInvitationClock.MORNING.plus(Duration.ofDays(3)), List.of(), List.of(), null);
        try (TopicProbe dlq = TopicProbe.on("cx.survey-events.v1.dlq.notification")) {
            survey.send(poison);
            dlq.await(r -> poison.customerId().equals(r.key()), 1, WAIT);
        }
        // the customer's next invitation is not blocked behind it
        SurveyInvited next = new SurveyInvited(UUID.randomUUID(), poison.customerId(), null, "NEXT", AnchorMetric.NPS,
                DeliveryChannel.APP_PUSH, "zh-CN", poison.invitedAt(), poison.expiresAt(), List.of(), List.of(), null);
        survey.send(next);
        awaitRow(next);
        assertThat(rows(poison)).isEmpty();
    }

    private static SurveyInvited invitation(DeliveryChannel channel, Instant invitedAt, Instant expiresAt,
            String locale) {
        return new SurveyInvited(UUID.randomUUID(), "C-inv-" + UUID.randomUUID(), UUID.randomUUID(),
                "WEALTH_PURCHASE_INTERRUPTED", AnchorMetric.NPS, channel, locale, invitedAt, expiresAt,
                List.of("q-nps-001"), List.of(), null);
    }

    private static DeliveryStatus send(Sender sender, Row row) throws Throwable {
        Delivery delivery = VertxContextSupport
                .subscribeAndAwait(() -> Panache.withSession(() -> Delivery.<Delivery> findById(row.id())));
        return VertxContextSupport.subscribeAndAwait(() -> sender.send(delivery));
    }

    /** One {@code delivery} row as a test reads it. */
    record Row(UUID id, String channel, String status, Instant nextAttemptAt, Instant notAfter, String content,
            String lastError) {
    }

    private List<String> outcomes(UUID delivery) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c
                .prepareStatement("select outcome from delivery_attempt where delivery_id = ? order by attempt")) {
            s.setObject(1, delivery);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
        }
        return outcomes;
    }

    private int attempts(UUID delivery) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select attempts from delivery where id = ?")) {
            s.setObject(1, delivery);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }

    private Row awaitRow(SurveyInvited invitation) {
        return await().atMost(WAIT).until(() -> rows(invitation), rows -> !rows.isEmpty()).getFirst();
    }

    private List<Row> rows(SurveyInvited invitation) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select id, channel,"
                + " status, next_attempt_at, not_after, content, last_error from delivery where source_event_id = ?")) {
            s.setObject(1, invitation.invitationId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        return rows;
    }
}
