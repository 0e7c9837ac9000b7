package io.windbell.survey.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An endpoint someone forgot to give an authorization rule, present only in tests: it must be refused, never open (see
 * {@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
@Path("/test-only/unannotated")
public class UnannotatedResource {

    @GET
    @Operation(hidden = true)
    public String secret() {
        return "should never be served";
    }
}
