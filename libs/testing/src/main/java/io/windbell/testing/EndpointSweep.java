package io.windbell.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Calls every operation of the running service's OpenAPI document the way a caller without the right credentials would,
 * so that a test can show that no endpoint slipped through without an authorization rule. Path parameters are filled
 * with a placeholder and bodies are an empty JSON object in the operation's first media type: the security check must
 * answer before any of that is looked at.
 */
public final class EndpointSweep {

    /** One operation of the document, with its path parameters filled in. */
    public record Operation(String method, String template, String path, String mediaType) {

        @Override
        public String toString() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + template;
        }
    }

    private EndpointSweep() {
    }

    /** Every operation of {@code /q/openapi}, except those under one of {@code publicPrefixes}. */
    public static List<Operation> operations(Set<String> publicPrefixes) {
        return HostileInputSweep.operations(template -> publicPrefixes.stream().noneMatch(template::startsWith))
                .stream().map(o -> new Operation(o.method(), o.template(),
                        o.template().replaceAll("\\{[^}]+}", "sweep"), o.mediaType()))
                .toList();
    }

    /**
     * Calls each operation with the test's current identity and lists those that did not answer {@code status} as
     * {@code application/problem+json}, with what they answered instead.
     */
    public static List<String> notAnswering(int status, List<Operation> operations) {
        List<String> offenders = new ArrayList<>();
        for (Operation operation : operations) {
            RequestSpecification request = given().redirects().follow(false);
            if (operation.mediaType() != null) {
                request = request.contentType(operation.mediaType()).body("{}".getBytes(StandardCharsets.UTF_8));
            }
            Response response = request.request(operation.method(), operation.path());
            String contentType = response.getContentType();
            if (response.statusCode() != status || contentType == null
                    || !contentType.startsWith("application/problem+json")) {
                offenders.add(operation + " answered " + response.statusCode() + " " + contentType);
            }
        }
        return offenders;
    }
}
