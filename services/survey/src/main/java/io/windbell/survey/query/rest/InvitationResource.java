package io.windbell.survey.query.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.survey.query.InvitationView;
import io.windbell.survey.query.SurveyQuery;

/** Invitations: who was asked what, when, and why each question is in their survey. */
@Path("/v1/invitations")
@Tag(name = "invitations", description = "Survey invitations and the explanation of each")
@RolesAllowed({ "cx-analyst", "cx-admin" })
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class InvitationResource {

    private final SurveyQuery query;

    InvitationResource(SurveyQuery query) {
        this.query = query;
    }

    @GET
    @Operation(summary = "List invitations, newest first, by cursor")
    @APIResponse(responseCode = "200", description = "One page of invitations")
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit (violations per parameter)")
    public Page<InvitationView> list(@QueryParam("customerId") String customerId,
            @Parameter(description = "SCHEDULED, SENT, RESPONDED, EXPIRED or CANCELLED") @QueryParam("status") String status,
            @QueryParam("journeyInstanceId") String journeyInstanceId,
            @Parameter(description = "created at or after (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "created before (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        String customer = params.id("customerId", customerId, Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX);
        Status state = params.oneOf("status", status, Status.class);
        UUID journey = journeyInstanceId == null || journeyInstanceId.isBlank() ? null
                : params.uuid("journeyInstanceId", journeyInstanceId);
        var fromAt = params.instant("from", from);
        var toAt = params.instant("to", to);
        int size = params.limit(limit);
        params.window(fromAt, toAt);
        params.check();
        return query.invitations(
                new SurveyQuery.InvitationFilter(customer, state == null ? null : state.name(), journey, fromAt, toAt),
                QueryParams.keyset(cursor), size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One invitation with its assembled survey: questions, the reason for each, candidates left out")
    @APIResponse(responseCode = "200", description = "The invitation")
    @APIResponse(responseCode = "404", description = "Unknown invitation")
    public InvitationView get(@PathParam("id") String id) {
        QueryParams params = new QueryParams();
        UUID uuid = params.uuid("id", id);
        params.check();
        return query.invitation(uuid).orElseThrow(
                () -> new ProblemException(Problem.of("not-found", "Not found", 404, "no invitation " + uuid)));
    }

    /** The invitation states a filter may name. */
    enum Status {
        SCHEDULED, SENT, RESPONDED, EXPIRED, CANCELLED
    }
}
