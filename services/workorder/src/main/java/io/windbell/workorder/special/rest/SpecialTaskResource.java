package io.windbell.workorder.special.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.StaleStateException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.Identifiers;
import io.windbell.contracts.Text;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.security.DataScope;
import io.windbell.platform.versioning.Versioning;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.special.SpecialTaskCommands;
import io.windbell.workorder.special.SpecialTaskConfig;
import io.windbell.workorder.special.SpecialTaskReads;
import io.windbell.workorder.special.SpecialTaskReads.Detail;
import io.windbell.workorder.special.SpecialTaskReads.Row;
import io.windbell.workorder.special.WatchState;
import io.windbell.workorder.web.IfMatch;

/**
 * Special tasks (专项整改): CX admins propose them by hand, link cases, change owner and due date; analysts and regional
 * managers read them (a regional manager those of their region). Changes take {@code If-Match: "<version>"}; a stale
 * one is 409.
 */
@Path("/v1/special-tasks")
@Tag(name = "special-tasks", description = "Special tasks: recurring patterns of recovery cases, their owner department, the watch after closing")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class SpecialTaskResource {

    private static final Set<String> SEE_ALL = Set.of("cx-admin", "cx-analyst");
    private static final int MAX_CASE_IDS = 500;

    private final SpecialTaskReads reads;
    private final SpecialTaskCommands commands;
    private final SpecialTaskConfig config;
    private final SecurityIdentity identity;
    private final String scoringUrl;

    SpecialTaskResource(SpecialTaskReads reads, SpecialTaskCommands commands, SpecialTaskConfig config,
            WorkorderConfig service, SecurityIdentity identity) {
        this.reads = reads;
        this.commands = commands;
        this.config = config;
        this.identity = identity;
        this.scoringUrl = service.scoringUrl();
    }

    @GET
    @WithSession
    @RolesAllowed({ "cx-admin", "cx-analyst", "regional-manager" })
    @Operation(summary = "List special tasks, newest first, by cursor")
    @APIResponse(responseCode = "200", description = "One page of special tasks")
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit (violations per parameter)")
    @APIResponse(responseCode = "403", description = "A role without access to special tasks")
    public Uni<Page<SpecialTaskDocument>> list(
            @Parameter(description = "a status, e.g. OPEN, ASSIGNED, CLOSED") @QueryParam("status") String status,
            @Parameter(description = "a touchpoint code") @QueryParam("touchpoint") String touchpoint,
            @Parameter(description = "an owner department, exactly") @QueryParam("department") String department,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        WorkOrderStatus state = params.oneOf("status", status, WorkOrderStatus.class);
        String code = params.id("touchpoint", touchpoint, Identifiers::isTouchpointCode,
                Identifiers.TOUCHPOINT_CODE_REGEX);
        int size = params.limit(limit);
        params.check();
        Keyset after = QueryParams.keyset(cursor);
        Optional<DataScope.Filter> scope = DataScope.of(identity, SEE_ALL).narrow(null, null);
        if (scope.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        String owner = department == null || department.isBlank() ? null : department.trim();
        Instant now = Instant.now();
        return reads.list(new SpecialTaskReads.Filter(state, code, owner), scope.get(), after, size + 1).map(rows -> {
            List<Row> page = rows.size() > size ? rows.subList(0, size) : rows;
            List<SpecialTaskDocument> items = page.stream().map(row -> document(row, now, null, null)).toList();
            String next = rows.size() > size
                    ? new Keyset(page.getLast().task().createdAt, page.getLast().task().id).encode() : null;
            return new Page<>(items, next);
        });
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({ "cx-admin", "cx-analyst", "regional-manager" })
    @Operation(summary = "A special task with its linked cases, its watch state, whether its problem came back, and the link to scoring's metrics of its touchpoint")
    @APIResponse(responseCode = "200", description = "The task; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "403", description = "A role without access to special tasks")
    @APIResponse(responseCode = "404", description = "No such special task within the caller's scope")
    public Uni<Response> get(@PathParam("id") String id) {
        UUID taskId = uuid(id);
        return found(taskId).map(detail -> tagged(Response.ok(), detail));
    }

    @POST
    @WithTransaction
    @RolesAllowed("cx-admin")
    @Operation(summary = "Propose a special task by hand with the cases that make it (origin MANUAL)")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "Invalid body, with one violation per field (and per case id)")
    @APIResponse(responseCode = "403", description = "Not a CX admin")
    @APIResponse(responseCode = "409", description = "An open special task holds the touchpoint already")
    public Uni<Response> propose(SpecialTaskRequests.Propose body) {
        List<Violation> violations = new ArrayList<>();
        if (body == null) {
            throw Versioning.invalid(List.of(new Violation("$", "a body is required")));
        }
        String title = text("title", body.title(), 200, true, violations);
        String touchpoint = optionalId("touchpointCode", body.touchpointCode(), violations);
        String error = text("errorCode", body.errorCode(), 64, false, violations);
        String owner = text("ownerDepartment", body.ownerDepartment(), 100, false, violations);
        LocalDate due = date("dueDate", body.dueDate(), violations);
        Priority priority = null;
        if (body.priority() != null) {
            QueryParams params = new QueryParams();
            priority = params.oneOf("priority", body.priority(), Priority.class);
            if (priority == null) {
                violations.add(new Violation("priority", "must be one of " + List.of(Priority.values())));
            }
        }
        List<UUID> cases = caseIds(body.caseIds(), violations);
        if (!violations.isEmpty()) {
            throw Versioning.invalid(violations);
        }
        Instant now = Instant.now();
        return commands
                .propose(new SpecialTaskCommands.Manual(title, touchpoint, error, owner, due, priority, cases), actor(),
                        now)
                .chain(task -> found(task.id))
                .map(detail -> tagged(Response.created(URI.create("/v1/special-tasks/" + detail.row().task().id)),
                        detail));
    }

    @POST
    @Path("/{id}/cases")
    @WithTransaction
    @RolesAllowed("cx-admin")
    @Operation(summary = "Link cases to a special task")
    @APIResponse(responseCode = "200", description = "The task with its cases; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match, with one violation per case id")
    @APIResponse(responseCode = "403", description = "Not a CX admin")
    @APIResponse(responseCode = "404", description = "No such special task")
    @APIResponse(responseCode = "409", description = "If-Match is not the task's version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> link(@PathParam("id") String id,
            @Parameter(description = "the task's version as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            SpecialTaskRequests.Link body) {
        UUID taskId = uuid(id);
        long expected = IfMatch.version(ifMatch);
        List<Violation> violations = new ArrayList<>();
        List<UUID> cases = caseIds(body == null ? null : body.caseIds(), violations);
        if (!violations.isEmpty()) {
            throw Versioning.invalid(violations);
        }
        Instant now = Instant.now();
        return changed(taskId, task -> commands.link(task, expected, cases, actor(), now));
    }

    @PATCH
    @Path("/{id}")
    @WithTransaction
    @RolesAllowed("cx-admin")
    @Operation(summary = "Change a special task's owner department or due date")
    @APIResponse(responseCode = "200", description = "The task; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match, with one violation per field")
    @APIResponse(responseCode = "403", description = "Not a CX admin")
    @APIResponse(responseCode = "404", description = "No such special task")
    @APIResponse(responseCode = "409", description = "If-Match is not the task's version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> change(@PathParam("id") String id,
            @Parameter(description = "the task's version as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            SpecialTaskRequests.Change body) {
        UUID taskId = uuid(id);
        long expected = IfMatch.version(ifMatch);
        List<Violation> violations = new ArrayList<>();
        if (body == null) {
            throw Versioning.invalid(List.of(new Violation("$", "a body is required")));
        }
        String owner = text("ownerDepartment", body.ownerDepartment(), 100, false, violations);
        LocalDate due = date("dueDate", body.dueDate(), violations);
        if (!violations.isEmpty()) {
            throw Versioning.invalid(violations);
        }
        Instant now = Instant.now();
        return changed(taskId, task -> commands.change(task, expected, owner, due, actor(), now));
    }

    /**
     * Applies a command to a task in the caller's scope and answers the task as it is now; a concurrent change that
     * wins the optimistic lock makes this one a 409.
     */
    private Uni<Response> changed(UUID taskId, Function<WorkOrder, Uni<WorkOrder>> command) {
        return found(taskId).chain(detail -> command.apply(detail.row().task())).chain(task -> found(task.id))
                .map(detail -> tagged(Response.ok(), detail)).onFailure(SpecialTaskResource::isOptimisticLock)
                .transform(SpecialTaskResource::concurrent);
    }

    private Uni<Detail> found(UUID id) {
        return reads.detail(id, DataScope.of(identity, SEE_ALL))
                .map(detail -> detail.orElseThrow(() -> ProblemException.notFound("special task", id.toString())));
    }

    private Response tagged(Response.ResponseBuilder response, Detail detail) {
        // customers are for those who work with them; analysts read patterns, not people
        boolean withCustomers = identity.hasRole("cx-admin") || identity.hasRole("regional-manager");
        List<SpecialTaskDocument.Case> cases = detail.cases().stream()
                .map(c -> SpecialTaskDocument.Case.of(c, withCustomers)).toList();
        SpecialTaskDocument document = document(detail.row(), Instant.now(), detail.caseCount(), cases);
        return response.entity(document).tag(new EntityTag(String.valueOf(document.version()))).build();
    }

    private SpecialTaskDocument document(Row row, Instant now, Long caseCount, List<SpecialTaskDocument.Case> cases) {
        WorkOrder task = row.task();
        WatchState watch = WatchState.of(row.special() == null ? null : row.special().closedAt, config.watchPeriod(),
                now);
        String link = task.touchpointCode == null ? null
                : scoringUrl + "/v1/touchpoints/" + task.touchpointCode + "/odata";
        return SpecialTaskDocument.of(task, row.special(), watch, link, caseCount, cases);
    }

    private String actor() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object employee = token.getClaim("employee_id");
            if (employee != null && !employee.toString().isBlank()) {
                return employee.toString();
            }
        }
        return identity.getPrincipal().getName();
    }

    private static boolean isOptimisticLock(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable concurrent(Throwable error) {
        return ProblemException.conflict("the task changed meanwhile: read it again");
    }

    private static UUID uuid(String id) {
        QueryParams params = new QueryParams();
        UUID value = params.uuid("id", id);
        params.check();
        return value;
    }

    private static String text(String field, String value, int max, boolean required, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max || !Text.isAcceptable(trimmed)) {
            violations.add(new Violation(field, "must be at most " + max + " characters and " + Text.RULE));
            return null;
        }
        return trimmed;
    }

    private static String optionalId(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Identifiers.isTouchpointCode(value.trim())) {
            violations.add(new Violation(field, "must match " + Identifiers.TOUCHPOINT_CODE_REGEX));
            return null;
        }
        return value.trim();
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() >= 2000 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // the same answer as a date out of range
        }
        violations.add(new Violation(field, "must be an ISO date between 2000-01-01 and 9999-12-31"));
        return null;
    }

    private static List<UUID> caseIds(List<String> ids, List<Violation> violations) {
        if (ids == null || ids.isEmpty()) {
            violations.add(new Violation("caseIds", "at least one case id is required"));
            return List.of();
        }
        if (ids.size() > MAX_CASE_IDS) {
            violations.add(new Violation("caseIds", "at most " + MAX_CASE_IDS + " per request"));
            return List.of();
        }
        List<UUID> parsed = new ArrayList<>(ids.size());
        QueryParams params = new QueryParams();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = params.uuid("caseIds[" + i + "]", ids.get(i));
            if (id == null) {
                violations.add(new Violation("caseIds[" + i + "]", "must be a UUID"));
            } else if (!parsed.contains(id)) {
                parsed.add(id);
            }
        }
        return parsed;
    }
}
