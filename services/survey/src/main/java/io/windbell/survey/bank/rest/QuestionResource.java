package io.windbell.survey.bank.rest;

import java.net.URI;
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
import org.jboss.logging.Logger;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.platform.json.StrictReader;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.QuestionRepository;
import io.windbell.survey.bank.QuestionValidator;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.catalog.VersionedStore.DuplicateException;
import io.windbell.survey.catalog.VersionedStore.StaleVersionException;
import io.windbell.survey.catalog.VersionedStore.Stored;
import io.windbell.survey.catalog.VersionedStore.UnknownException;

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

    private static final Logger LOG = Logger.getLogger(QuestionResource.class);
    private static final String WHAT = "question";

    private final SurveyCatalog catalog;
    private final QuestionRepository repository;
    private final SecurityIdentity identity;

    QuestionResource(SurveyCatalog catalog, QuestionRepository repository, SecurityIdentity identity) {
        this.catalog = catalog;
        this.repository = repository;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of every question that is not retired, by id; the filters match tags exactly")
    public Page<QuestionDocument> list(@QueryParam("purpose") Question.Purpose purpose,
            @Parameter(description = "questions tagged with this journey") @QueryParam("journey") String journey,
            @Parameter(description = "questions tagged with this touchpoint") @QueryParam("touchpoint") String touchpoint,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int max = Cursor.limit(limit);
        String after = Versioning.keyCursor(cursor);
        List<Stored<Question>> rows = catalog.questionVersions().active().stream()
                .filter(v -> after == null || v.key().compareTo(after) > 0)
                .filter(v -> purpose == null || v.value().purpose() == purpose)
                .filter(v -> journey == null || v.value().tags().journeys().contains(journey))
                .filter(v -> touchpoint == null || v.value().tags().touchpoints().contains(touchpoint)).toList();
        return Versioning.page(rows, max, QuestionDocument::of, Stored::key);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of a question; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "unknown or retired")
    public Response get(@PathParam("id") String id) {
        Stored<Question> active = catalog.questionVersions().active(id).orElseThrow(() -> notActive(id));
        return Response.ok(QuestionDocument.of(active)).tag(Versioning.etag(active.version())).build();
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of a question, oldest first, the retiring one included")
    public Page<QuestionDocument> versions(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int max = Cursor.limit(limit);
        int after = Versioning.versionCursor(cursor);
        List<Stored<Question>> all = catalog.questionVersions().versions(id);
        if (all.isEmpty()) {
            throw ProblemException.notFound(WHAT, id);
        }
        return Versioning.page(all.stream().filter(v -> v.version() > after).toList(), max, QuestionDocument::of,
                v -> String.valueOf(v.version()));
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "One version of a question, active or not")
    @APIResponse(responseCode = "200", description = "the version")
    @APIResponse(responseCode = "404", description = "no such version")
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        Stored<Question> stored = catalog.questionVersions().version(id, version)
                .orElseThrow(() -> ProblemException.notFound(WHAT, id + " version " + version));
        return Response.ok(QuestionDocument.of(stored)).tag(Versioning.etag(stored.version())).build();
    }

    @POST
    @RolesAllowed("cx-admin")
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Create a question as version 1, active at once (a retired id comes back as its next version)")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "a question with this id is active already")
    public Response create(@NotNull QuestionDocument body) {
        Question candidate = body.toQuestion(body.id());
        Versioning.requireValid(List.of(), QuestionValidator.validate(candidate));
        Stored<Question> created;
        try {
            created = repository.create(candidate, user());
        } catch (DuplicateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        refreshCatalog();
        LOG.infof("question %s created as version %d", created.key(), created.version());
        return Response.created(URI.create("/v1/questions/" + created.key())).entity(QuestionDocument.of(created))
                .tag(Versioning.etag(created.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("cx-admin")
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Change a question: stores the next version and makes it the active one")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "404", description = "unknown id")
    @APIResponse(responseCode = "412", description = "If-Match is not the active version (changed or retired meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") String id,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull QuestionDocument body) {
        int expected = Versioning.expectedVersion(ifMatch);
        List<Violation> extra = body.id() == null || id.equals(body.id()) ? List.of()
                : List.of(new Violation("id", "must equal the id in the path (" + id + ") or be absent"));
        Question candidate = body.toQuestion(id);
        Versioning.requireValid(extra, QuestionValidator.validate(candidate));
        Stored<Question> created;
        try {
            created = repository.createNextVersion(candidate, expected, user());
        } catch (UnknownException e) {
            throw ProblemException.notFound(WHAT, id);
        } catch (StaleVersionException e) {
            throw Versioning.preconditionFailed(e.getMessage(), e.activeVersion());
        }
        refreshCatalog();
        LOG.infof("question %s changed to version %d", id, created.version());
        return Response.ok(QuestionDocument.of(created)).tag(Versioning.etag(created.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a question: stores an inactive version, so assembly no longer picks it")
    @APIResponse(responseCode = "204", description = "retired (also when it was retired already)")
    @APIResponse(responseCode = "404", description = "unknown id")
    public Response retire(@PathParam("id") String id) {
        try {
            repository.retire(id, user())
                    .ifPresent(v -> LOG.infof("question %s retired with version %d", id, v.version()));
        } catch (UnknownException e) {
            throw ProblemException.notFound(WHAT, id);
        }
        refreshCatalog();
        return Response.noContent().build();
    }

    private ProblemException notActive(String id) {
        if (catalog.questionVersions().versions(id).isEmpty()) {
            return ProblemException.notFound(WHAT, id);
        }
        return new ProblemException(Problem.of("not-found", "Not found", 404,
                "question " + id + " is retired; its versions stay readable under /v1/questions/" + id + "/versions"));
    }

    /** The change is committed whatever happens here: if the reload fails now, the timer catches up. */
    private void refreshCatalog() {
        try {
            catalog.refresh();
        } catch (RuntimeException e) {
            LOG.warnf("the question bank changed but is not reloaded yet, the timer will: %s", e.getMessage());
        }
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
