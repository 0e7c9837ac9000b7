package io.windbell.platform.problem;

import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.windbell.platform.json.StrictJson;

/**
 * Says in plain words what is wrong with an unreadable JSON body, at the field where it is wrong. Jackson's own
 * messages name Java types ({@code java.util.ArrayList<io.windbell.survey.response.AnswerInput>}) and source positions
 * of our classes: clients cannot act on them, and they tell an attacker how the service is built.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** The one violation an unreadable body has: where and what. */
    static Violation violation(JsonProcessingException e) {
        String field = field(e);
        java.util.regex.Matcher duplicate = DUPLICATE
                .matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        if (duplicate.find() && !field.endsWith(duplicate.group(1))) {
            // the parser's error, wrapped with the path of the object that holds the key, not the key itself
            field = "$".equals(field) ? duplicate.group(1) : field + "." + duplicate.group(1);
        }
        return new Violation(field, message(e));
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    static String message(JsonProcessingException thrown) {
        // databind wraps the parser's own errors (duplicate key, number out of range) to add the path: classify the
        // cause
        JsonProcessingException e = thrown instanceof JsonMappingException
                && thrown.getCause() instanceof JsonProcessingException cause ? cause : thrown;
        if (e instanceof StrictJson.RefusedText refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field")) {
            return "duplicate field";
        }
        if (original.startsWith("No content to map")) {
            return "a JSON body is required";
        }
        if (e instanceof ValueInstantiationException) {
            return "has an invalid value";
        }
        if (e instanceof InputCoercionException coercion) {
            return "is out of range"
                    + (coercion.getTargetType() == null ? "" : " of " + plain(coercion.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (original.startsWith("Trailing token")) {
                return "must hold one JSON value only";
            }
            return mismatch.getTargetType() == null ? "has the wrong type" : expected(mismatch.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            return "is too long or too deeply nested";
        }
        if (e instanceof JsonEOFException) {
            return "is not valid JSON: it ends too early" + at(e.getLocation());
        }
        return "is not valid JSON" + at(e.getLocation());
    }

    /** What a field of this type must be, e.g. "must be an integer". */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return "must be " + plain(type);
    }

    private static String plain(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration, e.g. PT30M";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time, e.g. 2025-03-01T08:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "an object";
    }

    /** The JSON path of the failure, e.g. {@code answers[2].score}; {@code $} for the body as a whole. */
    static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.').replace(".[", "[")
                        .replaceAll("^\\[", "\\$[");
            }
        }
        return "$";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

}
