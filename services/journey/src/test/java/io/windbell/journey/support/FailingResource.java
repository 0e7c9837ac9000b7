package io.windbell.journey.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** An endpoint that fails as a bug would, present only in tests: its 500 must say nothing about the inside. */
@Path("/test-only/failing")
@PermitAll
public class FailingResource {

    public static final String INTERNAL = "connection to db-7.internal:5432 refused";

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(INTERNAL);
    }
}
