package io.windbell.survey.invitation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.survey.SurveyExpired;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.messaging.outbox.Outbox;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.invitation.InvitationRepository.Pending;

/**
 * Moves invitations along SCHEDULED → SENT → EXPIRED (or SCHEDULED → CANCELLED) and writes the matching survey events
 * to the outbox on the same transaction. Answering (→ RESPONDED) belongs to the respondent side.
 */
@ApplicationScoped
public class InvitationLifecycle {

    public static final String SOURCE = CloudEvents.source("survey");

    private final InvitationRepository invitations;
    private final LinkTokens tokens;

    public InvitationLifecycle(InvitationRepository invitations, SurveyConfig config) {
        this.invitations = invitations;
        this.tokens = new LinkTokens(config.invitations().tokenKey());
    }

    /**
     * Delivers due invitations: the hash of each one's link token is stored and {@code survey.invited} (without the
     * link, ADR 0013) written. Returns how many.
     */
    public int deliverDue(Connection connection, Instant now, int limit) throws SQLException {
        List<Pending> due = invitations.dueForDelivery(connection, now, limit);
        List<OutboxMessage> events = new ArrayList<>(due.size());
        for (Pending invitation : due) {
            LinkTokens.Issued token = tokens.issue(invitation.id());
            invitations.markSent(connection, invitation.id(), token.nonceHash(), now);
            SurveyInvited invited = new SurveyInvited(invitation.id(), invitation.customerId(),
                    invitation.journeyInstanceId(), invitation.surveyCode(), invitation.anchorMetric(),
                    invitation.channel(), invitation.locale(), now, invitation.expiresAt(),
                    invitation.survey().questionIds(), invitation.survey().reasons(),
                    invitation.followUpOfWorkOrderId());
            events.add(OutboxMessage.of(invited, SOURCE, now, invitation.traceparent()));
        }
        Outbox.append(connection, events);
        return due.size();
    }

    /** Expires invitations past their expiry (cancels those never delivered). Returns how many. */
    public int expireDue(Connection connection, Instant now, int limit) throws SQLException {
        List<Pending> due = invitations.dueForExpiry(connection, now, limit);
        close(connection, due, now, "EXPIRED");
        return due.size();
    }

    /**
     * Ends open invitations for {@code reason} (e.g. the journey moved on, a recovery happened): a delivered one
     * expires with {@code survey.expired}, one still waiting is cancelled silently and gives its budget back.
     */
    public void close(Connection connection, List<Pending> open, Instant now, String reason) throws SQLException {
        List<OutboxMessage> events = new ArrayList<>();
        for (Pending invitation : open) {
            invitations.close(connection, invitation, now, reason);
            if (invitation.sent()) {
                SurveyExpired expired = new SurveyExpired(invitation.id(), invitation.customerId(),
                        invitation.journeyInstanceId(), invitation.surveyCode(), invitation.sentAt(),
                        invitation.expiresAt().isAfter(now) ? now : invitation.expiresAt(),
                        invitation.openedAt() != null, invitation.followUpOfWorkOrderId());
                events.add(OutboxMessage.of(expired, SOURCE, now, invitation.traceparent()));
            }
        }
        Outbox.append(connection, events);
    }
}
