package io.windbell.survey.invitation;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.windbell.survey.SurveyConfig;

/**
 * Gives the deliverer the link of a delivered invitation, which is on no event (ADR 0013). The token is derived again
 * ({@link LinkTokens#issue}) and handed out only while it still matches the stored hash and the invitation can still be
 * answered: the database never holds a usable token, and a closed invitation gives out none.
 */
@ApplicationScoped
public class InvitationLinks {

    private final AgroalDataSource dataSource;
    private final LinkTokens tokens;
    private final String publicBaseUrl;

    InvitationLinks(AgroalDataSource dataSource, SurveyConfig config) {
        this.dataSource = dataSource;
        this.tokens = new LinkTokens(config.invitations().tokenKey());
        this.publicBaseUrl = config.invitations().publicBaseUrl().replaceAll("/+$", "");
    }

    /** What became of a request for a link. */
    public sealed interface Outcome {
    }

    /** The link, ready to put in a message, and until when it works. */
    public record Link(UUID invitationId, String linkUrl, Instant expiresAt) implements Outcome {
    }

    /** No such invitation. */
    public record Unknown() implements Outcome {
    }

    /** Not delivered yet (still SCHEDULED): no link exists so far. */
    public record NotDelivered() implements Outcome {
    }

    /** Answered already: the link would only say so. */
    public record Answered() implements Outcome {
    }

    /** Expired or cancelled, or past its expiry: the link no longer works. */
    public record Closed(String status) implements Outcome {
    }

    /** Delivered with a token this key cannot derive (issued before ADR 0013 or under an older key). */
    public record NotReissuable() implements Outcome {
    }

    public Outcome link(UUID invitationId, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c
                .prepareStatement("SELECT status, expires_at, token_hash FROM invitation WHERE id = ?")) {
            ps.setObject(1, invitationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Unknown();
                }
                String status = rs.getString("status");
                Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
                return switch (status) {
                case "SCHEDULED" -> new NotDelivered();
                case "RESPONDED" -> new Answered();
                case "SENT" -> {
                    if (!expiresAt.isAfter(now)) {
                        yield new Closed("EXPIRED");
                    }
                    LinkTokens.Issued issued = tokens.issue(invitationId);
                    yield MessageDigest.isEqual(issued.nonceHash(), rs.getBytes("token_hash"))
                            ? new Link(invitationId, publicBaseUrl + "/s/" + issued.token(), expiresAt)
                            : new NotReissuable();
                }
                default -> new Closed(status);
                };
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read invitation " + invitationId, e);
        }
    }
}
