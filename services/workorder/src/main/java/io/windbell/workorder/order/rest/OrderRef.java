package io.windbell.workorder.order.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What names the order a command changes: its id in the path and the version it is based on in If-Match. */
public class OrderRef {

    @PathParam("id")
    @Parameter(description = "the order's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    String id;

    @HeaderParam(HttpHeaders.IF_MATCH)
    @Parameter(description = "the order's ETag as read, e.g. \"3\"; required (428 without, 409 when stale)")
    String ifMatch;
}
