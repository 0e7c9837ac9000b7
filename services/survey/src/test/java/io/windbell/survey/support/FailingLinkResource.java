package io.windbell.survey.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A public link endpoint that fails unexpectedly, present only in tests: the failure is logged by the framework with
 * the request path, and the exception names the path too, as many library exceptions do (see NoCredentialsInLogsTest).
 */
@Path("/v1/s/{token}/test-only-failure")
@PermitAll
public class FailingLinkResource {

    @GET
    @Operation(hidden = true)
    public String fail(UriInfo uri) {
        throw new IllegalStateException("could not answer " + uri.getPath());
    }
}
