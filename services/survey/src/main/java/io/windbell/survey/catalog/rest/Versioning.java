package io.windbell.survey.catalog.rest;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.ws.rs.core.EntityTag;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.survey.catalog.VersionedStore.StaleVersionException;

/**
 * The HTTP mechanics the versioned configuration APIs share (question bank, survey rules): If-Match to expected
 * version, ETags, 400 with one violation per field, keyset pages, a strict body reader.
 */
public final class Versioning {

    private Versioning() {
    }

    /** The version If-Match names: {@code "3"} (or a bare {@code 3}); missing is 428, a weak tag never matches. */
    public static int expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of("precondition-required", "Precondition required", 428,
                    "send If-Match with the ETag of the version the change is based on, e.g. If-Match: \"3\""));
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            throw new ProblemException(Problem.of("precondition-failed", "Precondition failed", 412,
                    "a weak ETag never matches: send the version's ETag as read, e.g. \"3\""));
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw invalid(List.of(new Violation("If-Match", "must be the ETag of one version, e.g. \"3\"")));
        }
    }

    /** 412, naming the version that is active now (if any). */
    public static ProblemException preconditionFailed(StaleVersionException e) {
        Problem problem = Problem.of("precondition-failed", "Precondition failed", 412, e.getMessage());
        if (e.activeVersion().isPresent()) {
            problem = problem.with("activeVersion", e.activeVersion().get());
        }
        return new ProblemException(problem);
    }

    public static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }

    /** Answers 400 with the violations when there are any. */
    public static void requireValid(List<Violation> extra, List<Violation> violations) {
        List<Violation> all = new ArrayList<>(extra);
        all.addAll(violations);
        if (!all.isEmpty()) {
            throw invalid(all);
        }
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(
                Problem.of("invalid-request", "Invalid request", 400, violations.size() + " field(s) are invalid")
                        .withViolations(violations));
    }

    /** The version a versions cursor stands after. */
    public static int versionCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Integer.parseInt(Cursor.decode(cursor, 1).getFirst());
        } catch (NumberFormatException e) {
            throw Cursor.invalidCursor();
        }
    }

    /** The key a list cursor stands after, {@code null} for the first page. */
    public static String keyCursor(String cursor) {
        return cursor == null ? null : Cursor.decode(cursor, 1).getFirst();
    }

    /** The first {@code limit} rows as a page, with a cursor when more follow. */
    public static <R, D> Page<D> page(List<R> rows, int limit, Function<R, D> document, Function<R, String> keyOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows.stream().map(document).toList(), null);
        }
        List<R> page = rows.subList(0, limit);
        return new Page<>(page.stream().map(document).toList(), Cursor.encode(keyOf.apply(page.getLast())));
    }

    /**
     * Reads request bodies strictly: an unknown field is a mistake the sender should hear about (a misspelt
     * {@code scalemax} would otherwise silently drop the scale).
     */
    public static final class StrictReader implements BiFunction<ObjectMapper, Type, ObjectReader> {
        @Override
        public ObjectReader apply(ObjectMapper mapper, Type type) {
            return mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
    }

    /**
     * Writes durations as ISO-8601 the way people write them: whole days as {@code P3D} (Java's own form would be
     * {@code PT72H}), anything else as {@link Duration#toString()}, e.g. {@code PT10M}.
     */
    public static final class IsoDuration extends StdSerializer<Duration> {

        private static final long DAY = 86_400;

        public IsoDuration() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(format(value));
        }

        public static String format(Duration d) {
            if (d.isPositive() && d.getNano() == 0 && d.getSeconds() % DAY == 0) {
                return "P" + d.getSeconds() / DAY + "D";
            }
            return d.toString();
        }
    }
}
