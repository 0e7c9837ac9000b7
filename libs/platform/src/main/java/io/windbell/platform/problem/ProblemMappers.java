package io.windbell.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every error a service answers with into {@code application/problem+json}, field by field where it can. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(e.problem().withInstance(uri.getPath()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage())).sorted(Comparator.comparing(Violation::field))
                .collect(Collectors.toList());
        Problem problem = Problem
                .of("invalid-request", "Invalid request", 400, violations.size() + " field(s) are invalid")
                .withViolations(violations);
        return respond(problem.withInstance(uri.getPath())).build();
    }

    /**
     * quarkus-rest-jackson has a built-in mapper for {@link MismatchedInputException} (unknown field, wrong type,
     * unknown enum constant) that is more specific than {@code JsonProcessingException} and answers plain JSON; mapping
     * the exact type keeps those answers problem+json with the field's path.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = "$";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        Problem problem = Problem.of("malformed-body", "Malformed request body", 400, message)
                .withViolations(List.of(new Violation(field, message)));
        return respond(problem.withInstance(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        Problem problem = Problem.of(slug(title), title, status, e.getMessage());
        return respond(problem.withInstance(uri.getPath())).build();
    }

    /**
     * No credentials (or, with lazy authentication, credentials that did not verify) on an endpoint that needs them.
     * The bearer challenge stays, as RFC 6750 asks; the body never says why a token was refused.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.of("unauthenticated", "Unauthorized", 401,
                "a valid bearer token is required for this resource");
        return respond(problem.withInstance(uri.getPath())).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** Authenticated, but none of the roles the endpoint allows. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem problem = Problem.of("forbidden", "Forbidden", 403, "your role may not use this resource");
        return respond(problem.withInstance(uri.getPath())).build();
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** The JSON path of a bean-validation violation, without the method and parameter names in front of it. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                parts.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
            }
        }
        return parts.isEmpty() ? "$" : String.join(".", parts);
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
