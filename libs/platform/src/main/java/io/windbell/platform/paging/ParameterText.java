package io.windbell.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.windbell.contracts.Text;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Refuses, for every operation of every service, a query or path parameter (name or value) that {@link Text} does not
 * accept, with a 400 naming the parameter: a NUL in {@code ?customerId=a%00b} would otherwise reach PostgreSQL and come
 * back as a 500. One check in front of every resource, so that no parameter a resource forgets can slip through; each
 * parameter's own rule (ids, dates, limits) is {@link QueryParams}'s.
 */
public class ParameterText {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        try {
            collect(uri.getPathParameters(true), violations);
            collect(uri.getQueryParameters(true), violations);
        } catch (IllegalArgumentException malformed) {
            violations.add(new Violation("$", "the URI is not valid percent-encoded UTF-8"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem
                    .of("invalid-request", "Invalid request", 400, violations.size() + " parameter(s) are invalid")
                    .withViolations(violations));
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Violation> violations) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!Text.isAcceptable(name)) {
                violations.add(new Violation("$", "a parameter name " + Text.RULE));
                continue;
            }
            if (parameter.getValue().stream().anyMatch(value -> !Text.isAcceptable(value))) {
                violations.add(new Violation(name, Text.RULE));
            }
        }
    }
}
