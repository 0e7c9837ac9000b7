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

    /** An unreadable body: one violation at the field, in plain words (see {@link JsonProblems}). */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        Violation violation = JsonProblems.violation(e);
        String detail = "$".equals(violation.field()) ? "the body " + violation.message()
                : violation.field() + ": " + violation.message();
        Problem problem = Problem.of("malformed-body", "Malformed request body", 400, detail)
                .withViolations(List.of(violation));
        return respond(problem.withInstance(uri.getPath())).build();
    }

    /**
     * JAX-RS's own refusals (404 no such resource, 405, 406, 415, ...): the status and its reason phrase; the message
     * only for 4xx, where JAX-RS writes it for the client. A 5xx goes through {@link #unexpected}.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader answers some parse errors (a duplicate key at the top level) as a bare 400
            return unreadable(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Problem problem = HttpProblems.of(status, e.getMessage());
        return respond(problem.withInstance(uri.getPath())).build();
    }

    /**
     * Anything else is a bug or an outage, not the client's doing: a 500 whose body says nothing about the inside (no
     * exception, message or stack), with an {@code errorId} that the ERROR log line (with the stack) carries too, so a
     * report from a client leads to the cause.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return respond(HttpProblems.unexpected(e, uri.getPath())).build();
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
}
