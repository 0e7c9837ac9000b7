package io.windbell.survey.query.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.survey.query.DecisionView;
import io.windbell.survey.query.SurveyQuery;

/** The decision log: why a customer was or was not asked after each journey. */
@Path("/v1/decisions")
@Tag(name = "decisions", description = "Every survey trigger and what became of it (invited, not sampled, budget, …)")
@RolesAllowed({ "cx-analyst", "cx-admin" })
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class DecisionResource {

    private final SurveyQuery query;

    DecisionResource(SurveyQuery query) {
        this.query = query;
    }

    @GET
    @Operation(summary = "The decisions about one customer, newest first, by cursor")
    @APIResponse(responseCode = "200", description = "One page of decisions")
    @APIResponse(responseCode = "400", description = "customerId missing, or an invalid cursor or limit")
    public Page<DecisionView> list(@Parameter(required = true) @QueryParam("customerId") String customerId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        int size = params.limit(limit);
        String customer = params.requiredId("customerId", customerId, Identifiers::isCustomerId,
                Identifiers.CUSTOMER_ID_REGEX);
        params.check();
        Long after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(Cursor.decode(cursor, 1).getFirst());
            } catch (NumberFormatException e) {
                throw Cursor.invalidCursor();
            }
        }
        return query.decisions(customer, after, size);
    }
}
