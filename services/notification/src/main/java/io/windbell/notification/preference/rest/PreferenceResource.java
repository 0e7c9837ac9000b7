package io.windbell.notification.preference.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.preference.Preferences;
import io.windbell.notification.preference.Settings;
import io.windbell.notification.staff.Me;
import io.windbell.notification.staff.StaffRegistry;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;

/**
 * An employee's own notification preferences: language, e-mail, quiet hours, the digest. Another employee's are 404.
 * The ETag is the stored version ({@code "0"} while the defaults apply); a change names it in {@code If-Match}. The
 * first change may send {@code If-Match: *}, {@code "0"} or none; once something is stored, none is 428 and anything
 * but the current version ({@code *} included: it claims nothing is stored) 409.
 */
@Path("/v1/employees/{employeeId}/preferences")
@Tag(name = "preferences", description = "An employee's notification preferences")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-analyst", "cx-admin" })
public class PreferenceResource {

    private final Preferences preferences;
    private final StaffRegistry staff;
    private final SecurityIdentity identity;
    private final NotificationConfig config;

    PreferenceResource(Preferences preferences, StaffRegistry staff, SecurityIdentity identity,
            NotificationConfig config) {
        this.preferences = preferences;
        this.staff = staff;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "Read your notification preferences (the defaults while you stored none)")
    @APIResponse(responseCode = "200", description = "The preferences; the ETag is the version to send in If-Match")
    @APIResponse(responseCode = "403", description = "Not a staff role, or the token names no employee")
    @APIResponse(responseCode = "404", description = "Another employee's preferences")
    public Uni<Response> get(
            @Parameter(description = "me, or your own employee id") @PathParam("employeeId") String employeeId) {
        Me me = Me.owner(identity, employeeId);
        return staff.seen(me).chain(() -> Panache.withSession(() -> preferences.of(me.employeeId())))
                .map(PreferenceResource::answer);
    }

    @PUT
    @Operation(summary = "Replace your notification preferences")
    @APIResponse(responseCode = "200", description = "The stored preferences; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match, with one violation per field")
    @APIResponse(responseCode = "403", description = "Not a staff role, or the token names no employee")
    @APIResponse(responseCode = "404", description = "Another employee's preferences")
    @APIResponse(responseCode = "409", description = "If-Match is not the stored version: read them again")
    @APIResponse(responseCode = "428", description = "If-Match is missing although preferences are stored")
    public Uni<Response> put(
            @Parameter(description = "me, or your own employee id") @PathParam("employeeId") String employeeId,
            @Parameter(description = "the ETag as read, e.g. \"2\"; * or none for the first change") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PreferenceDocument body) {
        Me me = Me.owner(identity, employeeId);
        Settings wanted = PreferenceRules.settings(body, config.timeZone());
        Long named = named(ifMatch);
        Instant now = Instant.now();
        return staff.seen(me)
                .chain(() -> Panache.withTransaction(() -> preferences.of(me.employeeId())
                        .chain(stored -> preferences.save(me.employeeId(), wanted, expected(named, stored), now))
                        .chain(outcome -> {
                            if (outcome == Preferences.Outcome.STALE) {
                                throw ProblemException.conflict("the preferences changed meanwhile: read them again");
                            }
                            return preferences.of(me.employeeId());
                        })))
                .map(PreferenceResource::answer);
    }

    /** The version If-Match names: {@code null} for none, 0 for {@code *} (nothing stored yet, as far as I know). */
    private static Long named(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        if (ifMatch.trim().equals("*")) {
            return 0L;
        }
        if (ifMatch.trim().startsWith("W/")) {
            throw Versioning.invalid(List.of(new Violation("If-Match", "a weak ETag never matches: send it as read")));
        }
        return (long) Versioning.expectedVersion(ifMatch);
    }

    /** The version the change is based on; a change without one is only a first change. */
    private static long expected(Long named, Settings stored) {
        if (named != null) {
            return named;
        }
        if (stored.version() != 0) {
            throw new ProblemException(Problem.of("precondition-required", "Precondition required", 428,
                    "preferences are stored: send If-Match with the ETag as read, e.g. If-Match: \"" + stored.version()
                            + "\""));
        }
        return 0;
    }

    private static Response answer(Settings settings) {
        return Response.ok(PreferenceDocument.of(settings)).tag(new EntityTag(String.valueOf(settings.version())))
                .build();
    }
}
