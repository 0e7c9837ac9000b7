package io.windbell.survey.response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.messaging.outbox.Outbox;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.platform.logging.Mask;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.invitation.InvitationRepository;
import io.windbell.survey.invitation.LinkTokens;
import io.windbell.survey.response.AnswerIssue.Reason;
import io.windbell.survey.response.ResponseValidator.HiddenAnswers;
import io.windbell.survey.response.ResponseValidator.Mode;
import io.windbell.survey.response.ResponseValidator.Outcome;

/**
 * What a customer can do with a survey link: open it, keep a draft, and answer it once. The link token is the only
 * credential, so a forged token and one of an unknown invitation are answered alike
 * ({@link RespondentException.Kind#NOT_FOUND}). Tokens and answer texts are never logged; customer ids only masked.
 */
@ApplicationScoped
public class RespondentService {

    static final String SOURCE = "/windbell/survey";
    private static final Logger LOG = Logger.getLogger(RespondentService.class);
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String COLUMNS = "id, customer_id, survey_code, anchor_metric, locale, status, expires_at,"
            + " opened_at, token_hash, survey, draft, draft_saved_at";

    private final AgroalDataSource dataSource;
    private final InvitationRepository invitations;
    private final OutboxPublisher relay;
    private final LinkTokens tokens;
    private final ResponseValidator validator = new ResponseValidator();

    RespondentService(AgroalDataSource dataSource, InvitationRepository invitations, OutboxPublisher relay,
            SurveyConfig config) {
        this.dataSource = dataSource;
        this.invitations = invitations;
        this.relay = relay;
        this.tokens = new LinkTokens(config.invitations().tokenKey());
    }

    /** The invitation behind a link, whatever its state. */
    public Respondent find(String token) {
        LinkTokens.Claim claim = tokens.verify(token).orElseThrow(RespondentService::notFound);
        try (Connection c = dataSource.getConnection()) {
            return load(c, claim, false).orElseThrow(RespondentService::notFound);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an invitation", e);
        }
    }

    /** The invitation behind a link, if it can still be answered; records the first opening. */
    public Respondent open(String token) {
        Respondent respondent = answerable(find(token), Instant.now());
        if (respondent.openedAt() == null) {
            try (Connection c = dataSource.getConnection()) {
                if (invitations.markOpened(c, respondent.invitationId(), now())) {
                    LOG.debugf("invitation %s opened", respondent.invitationId());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not record that an invitation was opened", e);
            }
        }
        return respondent;
    }

    /**
     * Keeps partial progress. Each answer must fit its question; required questions and branching are not enforced
     * (empty answers are left out).
     *
     * @throws InvalidAnswersException
     *             when an answer does not fit its question
     */
    public void saveDraft(String token, List<AnswerInput> answers) {
        Respondent respondent = answerable(find(token), Instant.now());
        Outcome outcome = validator.validate(respondent.survey(), answers, Mode.DRAFT, HiddenAnswers.DROP);
        if (!outcome.valid()) {
            throw new InvalidAnswersException(outcome.issues());
        }
        List<AnswerInput> kept = outcome.answers().stream()
                .map(a -> new AnswerInput(a.questionId(), a.score(), a.choices(), a.text())).toList();
        Instant now = now();
        try (Connection c = dataSource.getConnection()) {
            if (!invitations.saveDraft(c, respondent.invitationId(), JSON.writeValueAsString(new Draft(kept)), now)) {
                // answered or expired since it was read
                answerable(find(token), now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save a draft", e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers the survey, once: validates, stores the response, closes the invitation and emits
     * {@code survey.responded}, all in one transaction under a row lock, so two simultaneous submits yield one response
     * and one event.
     *
     * @param locale
     *            the locale the customer answered in; {@code null} = the invitation's
     *
     * @return the id of the stored response
     *
     * @throws InvalidAnswersException
     *             when the answers do not fit the survey (nothing stored)
     * @throws RespondentException
     *             for an unknown, answered or closed link
     */
    public UUID submit(String token, String locale, List<AnswerInput> answers, HiddenAnswers hidden) {
        LinkTokens.Claim claim = tokens.verify(token).orElseThrow(RespondentService::notFound);
        SurveyResponded event;
        try {
            event = Transactions.inTransaction(dataSource, c -> {
                Respondent respondent = load(c, claim, true).orElseThrow(RespondentService::notFound);
                Instant now = now();
                answerable(respondent, now);
                String answeredIn = locale == null || locale.isBlank() ? respondent.resolveLocale(null)
                        : Respondent.match(respondent.locales(), locale);
                Outcome outcome = validator.validate(respondent.survey(), answers, Mode.SUBMIT, hidden);
                List<AnswerIssue> issues = new ArrayList<>(outcome.issues());
                if (answeredIn == null) {
                    issues.add(0,
                            AnswerIssue.of(null, "locale", Reason.LOCALE, "must be one of " + respondent.locales()));
                }
                if (!issues.isEmpty()) {
                    throw new InvalidAnswersException(issues);
                }
                Context context = context(c, respondent.invitationId());
                AnchorMetric metric = respondent.anchorMetric();
                int anchorScore = outcome.score(respondent.survey().anchor().questionId());
                SurveyResponded responded = new SurveyResponded(UUID.randomUUID(), respondent.invitationId(),
                        respondent.customerId(), respondent.surveyCode(), answeredIn, now, metric, anchorScore,
                        outcome.answers(), context.journey(), context.branchId(), context.employeeId(),
                        context.productId(), context.followUpOf());
                insertResponse(c, responded);
                invitations.markResponded(c, respondent.invitationId(), now);
                Outbox.append(c, List.of(OutboxMessage.of(responded, SOURCE, now, traceparent())));
                return responded;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a response", e);
        }
        relay.wake();
        LOG.infof("survey %s answered: invitation %s, customer %s, %s %d, %d answer(s)", event.surveyCode(),
                event.invitationId(), Mask.id(event.customerId()), event.anchorMetric(), event.anchorScore(),
                event.answers().size());
        return event.responseId();
    }

    private static Respondent answerable(Respondent respondent, Instant now) {
        return switch (respondent.state(now)) {
        case ANSWERABLE -> respondent;
        case ANSWERED -> throw new RespondentException(RespondentException.Kind.ANSWERED, respondent);
        case CLOSED -> throw new RespondentException(RespondentException.Kind.CLOSED, respondent);
        };
    }

    private static RespondentException notFound() {
        return new RespondentException(RespondentException.Kind.NOT_FOUND, null);
    }

    private static Optional<Respondent> load(Connection c, LinkTokens.Claim claim, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM invitation WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, claim.invitationId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !LinkTokens.matches(claim, rs.getBytes("token_hash"))
                        || "SCHEDULED".equals(rs.getString("status"))) {
                    return Optional.empty();
                }
                String draft = rs.getString("draft");
                return Optional.of(new Respondent(rs.getObject("id", UUID.class), rs.getString("customer_id"),
                        rs.getString("survey_code"), AnchorMetric.valueOf(rs.getString("anchor_metric")),
                        rs.getString("locale"), rs.getString("status"), instant(rs, "expires_at"),
                        instant(rs, "opened_at"), JSON.readValue(rs.getString("survey"), AssembledSurvey.class),
                        draft == null ? List.of() : JSON.readValue(draft, Draft.class).answers(),
                        instant(rs, "draft_saved_at")));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("invitation " + claim.invitationId() + " holds an unreadable survey", e);
        }
    }

    /** What the response is attributed to, read only when it is stored. */
    private record Context(JourneySummary journey, String branchId, String employeeId, String productId,
            UUID followUpOf) {
    }

    private static Context context(Connection c, UUID invitationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT journey, attribution, follow_up_of_work_order_id FROM invitation WHERE id = ?")) {
            ps.setObject(1, invitationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String journey = rs.getString("journey");
                String attribution = rs.getString("attribution");
                JsonNode node = attribution == null ? JSON.createObjectNode() : JSON.readTree(attribution);
                return new Context(journey == null ? null : JSON.readValue(journey, JourneySummary.class),
                        text(node, "branchId"), text(node, "employeeId"), text(node, "productId"),
                        rs.getObject("follow_up_of_work_order_id", UUID.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("invitation " + invitationId + " holds unreadable attribution", e);
        }
    }

    private static void insertResponse(Connection c, SurveyResponded event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO response (id, invitation_id, customer_id,"
                + " survey_code, locale, responded_at, anchor_metric, anchor_score, answers, branch_id, employee_id,"
                + " product_id, follow_up_of_work_order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
            ps.setObject(1, event.responseId());
            ps.setObject(2, event.invitationId());
            ps.setString(3, event.customerId());
            ps.setString(4, event.surveyCode());
            ps.setString(5, event.locale());
            ps.setTimestamp(6, Timestamp.from(event.respondedAt()));
            ps.setString(7, event.anchorMetric().name());
            ps.setInt(8, event.anchorScore());
            ps.setString(9, JSON.writeValueAsString(event.answers()));
            ps.setString(10, event.branchId());
            ps.setString(11, event.employeeId());
            ps.setString(12, event.productId());
            ps.setObject(13, event.followUpOfWorkOrderId());
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The W3C trace context of the request, so the trace continues through the event; {@code null} outside one. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The stored shape of a draft ({@code invitation.draft}). */
    record Draft(List<AnswerInput> answers) {
        Draft {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

}
