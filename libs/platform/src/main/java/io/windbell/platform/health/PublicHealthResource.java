package io.windbell.platform.health;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * {@code GET /health} on the public port: whether the service is ready, {@code {"status":"UP"}} (200) or
 * {@code {"status":"DOWN"}} (503), and nothing else. The detailed readiness (check names, consumer counters, the last
 * error text, catalog sizes) lives on the management interface ({@code quarkus.management.*}, its own port that only
 * the cluster's probes and operators reach), because it tells an outsider how the service is built and what just went
 * wrong. Same outcome as {@code /q/health/ready}: one source of truth, SmallRye Health.
 */
@Path(PublicHealthResource.PATH)
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicHealthResource {

    public static final String PATH = "/health";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final SmallRyeHealthReporter reporter;

    PublicHealthResource(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    /** The overall status only. */
    public record Status(String status) {
    }

    @GET
    @Blocking // readiness checks may block (the database check does)
    public Response status() {
        SmallRyeHealth readiness = reporter.getReadiness();
        boolean down = readiness.isDown();
        return Response.status(down ? 503 : 200).entity(new Status(down ? "DOWN" : "UP")).cacheControl(NO_STORE)
                .build();
    }
}
