package io.windbell.survey.invitation.rest;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.survey.invitation.InvitationLinks;

/**
 * The link of a delivered invitation, for the service that delivers it (ADR 0013): {@code survey.invited} carries no
 * link, because every consumer of the survey topic would read the respondent's credential. Only the
 * {@code survey-deliverer} role may ask; the answer is never cached, and every request is audited in the log by caller
 * and invitation id (never the link).
 */
@Path("/v1/invitations/{id}/link")
@Tag(name = "invitations", description = "Survey invitations and the explanation of each")
@RolesAllowed("survey-deliverer")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class InvitationLinkResource {

    private static final Logger AUDIT = Logger.getLogger("io.windbell.survey.audit.link");
    private static final CacheControl NO_STORE;

    static {
        NO_STORE = new CacheControl();
        NO_STORE.setNoStore(true);
        NO_STORE.setNoTransform(false);
    }

    private final InvitationLinks links;

    InvitationLinkResource(InvitationLinks links) {
        this.links = links;
    }

    /** The link of a delivered invitation; the body holds a credential. */
    public record LinkView(UUID invitationId, String linkUrl, Instant expiresAt) {
    }

    @GET
    @Operation(summary = "The survey link of a delivered invitation, for its deliverer (role survey-deliverer)")
    @APIResponse(responseCode = "200", description = "The link (a credential: not cached, not logged)")
    @APIResponse(responseCode = "404", description = "Unknown invitation")
    @APIResponse(responseCode = "409", description = "Not delivered yet, already answered, or its link cannot be given again")
    @APIResponse(responseCode = "410", description = "Expired or cancelled")
    public Response get(@PathParam("id") String id, @Context SecurityContext caller) {
        QueryParams params = new QueryParams();
        UUID invitationId = params.uuid("id", id);
        params.check();
        InvitationLinks.Outcome outcome = links.link(invitationId, Instant.now());
        String who = caller.getUserPrincipal() == null ? "?" : caller.getUserPrincipal().getName();
        AUDIT.infof("survey link of invitation %s requested by %s: %s", invitationId, who,
                outcome.getClass().getSimpleName());
        return switch (outcome) {
        case InvitationLinks.Link link -> Response
                .ok(new LinkView(link.invitationId(), link.linkUrl(), link.expiresAt())).cacheControl(NO_STORE).build();
        case InvitationLinks.Unknown u -> throw problem("not-found", "Not found", 404, "no invitation " + invitationId);
        case InvitationLinks.NotDelivered n -> throw problem("not-delivered", "Not delivered yet", 409,
                "invitation " + invitationId + " has no link yet");
        case InvitationLinks.Answered a -> throw problem("answered", "Already answered", 409,
                "invitation " + invitationId + " is answered");
        case InvitationLinks.NotReissuable n -> throw problem("link-not-reissuable", "Link cannot be given again", 409,
                "the link of invitation " + invitationId + " was issued before links left the event bus");
        case InvitationLinks.Closed c -> throw problem("gone", "Gone", 410,
                "invitation " + invitationId + " is " + c.status().toLowerCase(Locale.ROOT));
        };
    }

    private static ProblemException problem(String slug, String title, int status, String detail) {
        return new ProblemException(Problem.of(slug, title, status, detail));
    }
}
