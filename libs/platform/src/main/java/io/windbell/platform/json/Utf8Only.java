package io.windbell.platform.json;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Request bodies are UTF-8 (RFC 8259 requires it of JSON exchanged between systems): a body declared in another charset
 * ({@code application/json; charset=utf-16}) is a 415 naming the charset, rather than bytes read as something they are
 * not. A resource that takes the raw bytes ({@code byte[]} or a stream, like ingest's intake) decides for itself what a
 * charset means.
 */
public class Utf8Only {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || charset.trim().replace("\"", "").equalsIgnoreCase("utf-8") || readsRawBytes(resource)) {
            return;
        }
        String why = "request bodies must be UTF-8, not charset=" + charset;
        throw new ProblemException(Problem.of("unsupported-media-type", "Unsupported Media Type", 415, why)
                .withViolations(List.of(new Violation("Content-Type", why))));
    }

    private static boolean readsRawBytes(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && Arrays.stream(method.getParameterTypes())
                .anyMatch(p -> p == byte[].class || InputStream.class.isAssignableFrom(p));
    }
}
