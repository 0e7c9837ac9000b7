package io.windbell.survey.query.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.survey.query.ResponseView;
import io.windbell.survey.query.SurveyQuery;

/**
 * Submitted surveys. CX analysts and admins see every response; a branch manager sees only the responses attributed to
 * the branch of their token ({@code branch_id} claim), whatever filter they send.
 */
@Path("/v1/responses")
@Tag(name = "responses", description = "Submitted surveys with answers and attribution")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class ResponseResource {

    private final SurveyQuery query;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    ResponseResource(SurveyQuery query, SecurityIdentity identity, JsonWebToken token) {
        this.query = query;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager" })
    @Operation(summary = "List responses, newest first, by cursor (branch managers: their branch only)")
    @APIResponse(responseCode = "200", description = "One page of responses")
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit (violations per parameter)")
    @APIResponse(responseCode = "403", description = "A role without access, or a branch manager without a branch")
    public Page<ResponseView> list(@QueryParam("customerId") String customerId, @QueryParam("branchId") String branchId,
            @QueryParam("surveyCode") String surveyCode,
            @Parameter(description = "responded at or after (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "responded before (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        String customer = params.id("customerId", customerId, Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String survey = params.id("surveyCode", surveyCode, Identifiers::isSurveyCode, Identifiers.SURVEY_CODE_REGEX);
        var fromAt = params.instant("from", from);
        var toAt = params.instant("to", to);
        int size = params.limit(limit);
        params.window(fromAt, toAt);
        params.check();
        if (!identity.hasRole("cx-analyst") && !identity.hasRole("cx-admin")) {
            String own = token.getClaim("branch_id");
            if (own == null || own.isBlank()) {
                throw new ForbiddenException("no branch_id claim");
            }
            if (branch != null && !branch.equals(own)) {
                return new Page<>(List.of(), null);
            }
            branch = own;
        }
        return query.responses(new SurveyQuery.ResponseFilter(customer, branch, survey, fromAt, toAt),
                QueryParams.keyset(cursor), size);
    }
}
