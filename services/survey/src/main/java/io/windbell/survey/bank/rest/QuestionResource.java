package io.windbell.survey.bank.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.config.VersionedStore;
import io.windbell.config.rest.VersionedCommands;
import io.windbell.config.rest.VersionedReads;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.QuestionValidator;
import io.windbell.survey.catalog.SurveyCatalog;

/**
 * The question bank: CX admins manage it, analysts read it. A change is a new version (sent with
 * {@code If-Match: "<version>"} of the version it was based on); surveys already assembled keep the versions they used.
 * Reads answer from the in-memory catalog that assembly uses.
 */
@Path("/v1/questions")
@Tag(name = "questions", description = "The question bank: anchor, touchpoint, branch, employee and follow-up questions")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class QuestionResource {

    private static final String PATH = "/v1/questions";

    private final VersionedReads<Question> reads;
    private final VersionedCommands<Question> commands;

    QuestionResource(SurveyCatalog catalog, VersionedStore<Question> store, SecurityIdentity identity) {
        this.reads = new VersionedReads<>(store.what(), PATH, catalog::questionVersions);
        this.commands = new VersionedCommands<>(store, PATH, catalog::refresh, identity);
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of every question that is not retired, by id; the filters match tags exactly")
    public Page<QuestionDocument> list(@QueryParam("purpose") Question.Purpose purpose,
            @Parameter(description = "questions tagged with this journey") @QueryParam("journey") String journey,
            @Parameter(description = "questions tagged with this touchpoint") @QueryParam("touchpoint") String touchpoint,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        QueryParams params = new QueryParams();
        String journeyCode = params.id("journey", journey, Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX);
        String touchpointCode = params.id("touchpoint", touchpoint, Identifiers::isTouchpointCode,
                Identifiers.TOUCHPOINT_CODE_REGEX);
        params.check();
        return reads.list(
                q -> (purpose == null || q.purpose() == purpose)
                        && (journeyCode == null || q.tags().journeys().contains(journeyCode))
                        && (touchpointCode == null || q.tags().touchpoints().contains(touchpointCode)),
                cursor, limit, QuestionDocument::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of a question; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "unknown or retired")
    public Response get(@PathParam("id") String id) {
        return reads.active(id(id), QuestionDocument::of);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of a question, oldest first, the retiring one included")
    public Page<QuestionDocument> versions(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return reads.versions(id(id), cursor, limit, QuestionDocument::of);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "One version of a question, active or not")
    @APIResponse(responseCode = "200", description = "the version")
    @APIResponse(responseCode = "404", description = "no such version")
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        return VersionedReads.tagged(reads.version(id(id), version), QuestionDocument::of);
    }

    @POST
    @RolesAllowed("cx-admin")
    @Operation(summary = "Create a question as version 1, active at once (a retired id comes back as its next version)")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "a question with this id is active already")
    public Response create(@NotNull QuestionDocument body) {
        Question candidate = body.toQuestion(body.id());
        Versioning.requireValid(List.of(), QuestionValidator.validate(candidate));
        return commands.create(candidate, QuestionDocument::of);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Change a question: stores the next version and makes it the active one")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "404", description = "unknown id")
    @APIResponse(responseCode = "412", description = "If-Match is not the active version (changed or retired meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") String id,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull QuestionDocument body) {
        id(id);
        int expected = Versioning.expectedVersion(ifMatch);
        List<Violation> extra = body.id() == null || id.equals(body.id()) ? List.of()
                : List.of(new Violation("id", "must equal the id in the path (" + id + ") or be absent"));
        Question candidate = body.toQuestion(id);
        Versioning.requireValid(extra, QuestionValidator.validate(candidate));
        return commands.change(candidate, expected, QuestionDocument::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a question: stores an inactive version, so assembly no longer picks it")
    @APIResponse(responseCode = "204", description = "retired (also when it was retired already)")
    @APIResponse(responseCode = "404", description = "unknown id")
    public Response retire(@PathParam("id") String id) {
        return commands.retire(id(id));
    }

    private static String id(String id) {
        return QueryParams.pathId("id", id, Identifiers::isQuestionId, Identifiers.QUESTION_ID_REGEX);
    }
}
