package io.windbell.survey.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.SurveyQuestion;
import io.windbell.survey.bank.Question.Purpose;
import io.windbell.survey.invitation.LinkTokens;

/**
 * Sent invitations written straight into the survey database, with a working link token: the state the invitation
 * scheduler leaves behind, without running it.
 */
public final class SentInvitations {

    /** The {@code %test} link key of application.properties. */
    public static final String TOKEN_KEY = "test-only-survey-link-key-0123456789";
    public static final LinkTokens TOKENS = new LinkTokens(TOKEN_KEY);

    public static final String ANCHOR = "Q_NPS";
    /** A touchpoint question whose id carries the characters form field names must survive. */
    public static final String TOUCHPOINT = "Q_CES@wealth.risk.submit";
    public static final String WHAT_WENT_WRONG = "Q_WRONG";
    public static final String OPEN_TEXT = "Q_OPEN";
    public static final String RISK = "wealth.risk.submit";
    public static final String ORDER = "wealth.order";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final DataSource dataSource;

    public SentInvitations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A customer id no other test uses. */
    public static String customer() {
        return "C" + (10_000_000_000L + SEQUENCE.incrementAndGet());
    }

    /**
     * The survey of the tests: an NPS anchor (required), a CES question about the risk assessment, the detractor branch
     * (which touchpoints went wrong, shown for 0..6) and open feedback.
     */
    public static AssembledSurvey npsSurvey() {
        SurveyQuestion anchor = new SurveyQuestion(ANCHOR, ANCHOR, 1, QuestionType.NPS, Purpose.ANCHOR, null,
                Map.of("zh-CN", "您有多大可能向朋友推荐我们的理财服务？", "en",
                        "How likely are you to recommend our wealth service to a friend?"),
                List.of(), 0, 10, true, null, reason(InvitationReason.Code.ANCHOR_METRIC, ANCHOR, null));
        SurveyQuestion touchpoint = new SurveyQuestion(TOUCHPOINT, "Q_CES", 2, QuestionType.CES, Purpose.TOUCHPOINT,
                RISK, Map.of("zh-CN", "完成风险测评有多容易？", "en", "How easy was it to complete the risk assessment?"),
                List.of(), 1, 7, false, null, reason(InvitationReason.Code.TOUCHPOINT_FAILED, TOUCHPOINT, RISK));
        SurveyQuestion wrong = new SurveyQuestion(WHAT_WENT_WRONG, WHAT_WENT_WRONG, 1, QuestionType.MULTIPLE_CHOICE,
                Purpose.WHAT_WENT_WRONG, null, Map.of("zh-CN", "哪些环节让您不满意？", "en", "What went wrong?"),
                List.of(new SurveyQuestion.Choice(RISK, Map.of("zh-CN", "风险测评", "en", "Risk assessment")),
                        new SurveyQuestion.Choice(ORDER, Map.of("zh-CN", "下单", "en", "Placing the order"))),
                null, null, false, new SurveyQuestion.Condition(ANCHOR, 0, 6),
                reason(InvitationReason.Code.DETRACTOR_FOLLOW_UP, WHAT_WENT_WRONG, null));
        SurveyQuestion open = new SurveyQuestion(OPEN_TEXT, OPEN_TEXT, 1, QuestionType.OPEN_TEXT, Purpose.OPEN_TEXT,
                null, Map.of("zh-CN", "还有什么想告诉我们的吗？", "en", "Anything else you would like to tell us?"), List.of(),
                null, null, false, null, reason(InvitationReason.Code.OPEN_FEEDBACK, OPEN_TEXT, null));
        return new AssembledSurvey("WEALTH_PURCHASE_INTERRUPTED", AnchorMetric.NPS,
                List.of(anchor, touchpoint, wrong, open),
                List.of(reason(InvitationReason.Code.JOURNEY_INTERRUPTED, null, RISK), anchor.reason(),
                        touchpoint.reason(), wrong.reason(), open.reason()),
                List.of());
    }

    private static InvitationReason reason(InvitationReason.Code code, String questionId, String touchpoint) {
        return new InvitationReason(code, questionId, touchpoint, null);
    }

    /** A journey summary as journey events carry it. */
    public static JourneySummary journey(String customerId) {
        Instant started = Instant.parse("2025-11-18T12:02:11Z");
        return new JourneySummary(UUID.randomUUID(), "WEALTH_PURCHASE", 3, customerId, LifecycleStage.UPGRADE,
                "BEFORE_INVESTMENT", JourneyStatus.INTERRUPTED, 3, started, started.plusSeconds(600),
                List.of("MOBILE_APP"),
                List.of(new TouchpointVisit(RISK, "MOBILE_APP", Outcome.FAILURE,
                        OffsetDateTime.of(2025, 11, 18, 20, 9, 47, 0, ZoneOffset.ofHours(8)), 30_012L, "RA-TIMEOUT-504",
                        null, null, "WM-FH-180D", true)));
    }

    /** The first column of the first row of a query with one parameter, as text; {@code null} when no row. */
    public String column(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Builder invitation() {
        return new Builder();
    }

    /** An inserted invitation and the link that opens it. */
    public record Sent(UUID id, String token, String customerId) {
    }

    /** One invitation; by default SENT in zh-CN, expiring in a day, attributed to a branch and a product. */
    public final class Builder {
        private final UUID id = UUID.randomUUID();
        private String customerId = SentInvitations.customer();
        private String status = "SENT";
        private String locale = "zh-CN";
        private Instant expiresAt = Instant.now().plus(Duration.ofDays(1));
        private AssembledSurvey survey = npsSurvey();
        private boolean withJourney = true;
        private UUID followUpOf;
        private final Map<String, String> attribution = new LinkedHashMap<>(
                Map.of("branchId", "B0755012", "productId", "WM-FH-180D"));

        public Builder customer(String value) {
            customerId = value;
            return this;
        }

        public Builder status(String value) {
            status = value;
            return this;
        }

        public Builder locale(String value) {
            locale = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        public Builder expired() {
            return expiresAt(Instant.now().minus(Duration.ofMinutes(1)));
        }

        public Builder survey(AssembledSurvey value) {
            survey = value;
            return this;
        }

        public Builder employee(String value) {
            attribution.put("employeeId", value);
            return this;
        }

        /** A recovery follow-up: no journey. */
        public Builder followUpOf(UUID workOrderId) {
            followUpOf = workOrderId;
            withJourney = false;
            return this;
        }

        public Sent insert() {
            LinkTokens.Issued issued = TOKENS.issue(id);
            Instant now = Instant.now();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO invitation (id, customer_id,"
                            + " survey_code, anchor_metric, channel, locale, status, counts_against_budget,"
                            + " follow_up_of_work_order_id, created_at, send_at, sent_at, expires_at, token_hash, survey,"
                            + " journey, attribution, closed_at) VALUES (?, ?, ?, ?, 'SMS', ?, ?, true, ?, ?, ?, ?, ?, ?,"
                            + " ?::jsonb, ?::jsonb, ?::jsonb, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, customerId);
                ps.setString(3, survey.surveyCode());
                ps.setString(4, survey.anchorMetric().name());
                ps.setString(5, locale);
                ps.setString(6, status);
                ps.setObject(7, followUpOf);
                ps.setTimestamp(8, Timestamp.from(now.minusSeconds(120)));
                ps.setTimestamp(9, Timestamp.from(now.minusSeconds(60)));
                ps.setTimestamp(10, Timestamp.from(now.minusSeconds(60)));
                ps.setTimestamp(11, Timestamp.from(expiresAt));
                ps.setBytes(12, issued.nonceHash());
                ps.setString(13, EventJson.mapper().writeValueAsString(survey));
                ps.setString(14, withJourney ? EventJson.mapper().writeValueAsString(journey(customerId)) : null);
                ps.setString(15, EventJson.mapper().writeValueAsString(attribution));
                ps.setTimestamp(16, "SENT".equals(status) ? null : Timestamp.from(now));
                ps.executeUpdate();
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return new Sent(id, issued.token(), customerId);
        }
    }
}
