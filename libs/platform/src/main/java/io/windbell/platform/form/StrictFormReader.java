package io.windbell.platform.form;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import io.windbell.contracts.Text;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies (the hosted survey page posts one) strictly: a broken escape
 * ({@code %zz}) or an empty name is a 400, not the 500 the built-in reader ends in, and a value {@link Text} does not
 * accept is refused at its field, before it could reach the database.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class StrictFormReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return MultivaluedMap.class.isAssignableFrom(type);
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) throws IOException {
        return parse(new String(entityStream.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The fields of a form body; a 400 problem when it is not one. */
    public static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "$");
            if (name.isEmpty()) {
                throw malformed("$", "every field must have a name");
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (!Text.isAcceptable(name)) {
                throw malformed("$", "a field name " + Text.RULE);
            }
            if (!Text.isAcceptable(value)) {
                throw malformed(name, Text.RULE);
            }
            form.add(name, value);
        }
        return form;
    }

    private static String decode(String encoded, String field) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(field, "is not valid percent-encoded UTF-8");
        }
    }

    private static ProblemException malformed(String field, String message) {
        return new ProblemException(Problem.of("malformed-body", "Malformed request body", 400, field + " " + message)
                .withViolations(List.of(new Violation(field, message))));
    }
}
