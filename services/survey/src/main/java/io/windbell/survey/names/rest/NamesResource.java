package io.windbell.survey.names.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.windbell.config.rest.VersionedCommands;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.names.Names;
import io.windbell.survey.names.NamesRepository;
import io.windbell.survey.names.NamesValidator;

/**
 * Display names piped into question texts ({@code {journey}}, {@code {touchpoint}}, {@code {product}},
 * {@code {branch}}, {@code {employee}}): CX admins maintain them, analysts read them.
 */
@Path("/v1/names")
@Tag(name = "names", description = "Display names of journeys, touchpoints, products, branches and employees")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class NamesResource {

    private static final Logger LOG = Logger.getLogger(NamesResource.class);

    private final NamesRepository repository;
    private final SurveyCatalog catalog;

    NamesResource(NamesRepository repository, SurveyCatalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    /** The names of one code. */
    @Schema(name = "DisplayNames")
    public record NamesDocument(@Schema(readOnly = true) Names.Kind kind, @Schema(readOnly = true) String code,
            @Schema(examples = "{\"zh-CN\": \"风险测评\", \"en\": \"Risk tolerance assessment\"}") Map<String, String> names,
            @Schema(readOnly = true) Instant updatedAt) {

        static NamesDocument of(NamesRepository.Entry e) {
            return new NamesDocument(e.kind(), e.code(), e.names(), e.updatedAt());
        }
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Names by kind, then code; ?kind= restricts to one kind")
    public Page<NamesDocument> list(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int max = Cursor.limit(limit);
        Names.Kind only = kind == null ? null : kind(kind);
        String afterKind = null;
        String afterCode = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            afterKind = keys.get(0);
            afterCode = keys.get(1);
        }
        List<NamesRepository.Entry> rows = repository.list(only, afterKind, afterCode, max + 1);
        if (rows.size() <= max) {
            return new Page<>(rows.stream().map(NamesDocument::of).toList(), null);
        }
        List<NamesRepository.Entry> page = rows.subList(0, max);
        NamesRepository.Entry last = page.getLast();
        return new Page<>(page.stream().map(NamesDocument::of).toList(),
                Cursor.encode(last.kind().name(), last.code()));
    }

    @GET
    @Path("/{kind}/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The names of one code")
    @APIResponse(responseCode = "200", description = "the names")
    @APIResponse(responseCode = "404", description = "no names stored for this code")
    public NamesDocument get(@PathParam("kind") String kind, @PathParam("code") String code) {
        Names.Kind k = kind(kind);
        return repository.find(k, code).map(NamesDocument::of)
                .orElseThrow(() -> ProblemException.notFound("display name", k + " " + code));
    }

    @PUT
    @Path("/{kind}/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Set the names of one code in both locales (creates or replaces them)")
    @APIResponse(responseCode = "200", description = "the names as stored")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    public NamesDocument put(@PathParam("kind") String kind, @PathParam("code") String code,
            @NotNull NamesDocument body) {
        Names.Kind k = kind(kind);
        List<Violation> violations = new ArrayList<>();
        if (body.kind() != null && body.kind() != k) {
            violations.add(new Violation("kind", "must equal the kind in the path (" + k + ") or be absent"));
        }
        if (body.code() != null && !body.code().equals(code)) {
            violations.add(new Violation("code", "must equal the code in the path (" + code + ") or be absent"));
        }
        violations.addAll(NamesValidator.validate(k, code, body.names()));
        Versioning.requireValid(List.of(), violations);
        NamesRepository.Entry saved = repository.save(k, code, body.names());
        VersionedCommands.reloadQuietly(catalog::refresh, "display names");
        LOG.infof("display names of %s %s set", k, code);
        return NamesDocument.of(saved);
    }

    private static Names.Kind kind(String kind) {
        try {
            return Names.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw Versioning
                    .invalid(List.of(new Violation("kind", "must be one of " + Arrays.toString(Names.Kind.values()))));
        }
    }
}
