package io.windbell.survey.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers of every answer under {@code /s/} and {@code /v1/s/}: the link token is in the URL, so no referrer leaves the
 * page; the HTML pages load only their own assets. {@code Cache-Control: no-store} and {@code nosniff} come from
 * libs/platform's shared HTTP filter, as on every personal-data API.
 */
public class PublicPageHeaders {

    static final String CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean page = path.startsWith("/s/");
        if (!page && !path.startsWith("/v1/s/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (page) {
            headers.putSingle("Content-Security-Policy", CSP);
        }
    }
}
