package io.windbell.platform.versioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.EntityTag;

import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * The HTTP mechanics every versioned configuration API shares (journey definitions, question bank, survey rules):
 * If-Match to expected version, ETags, 412/428, 400 with one violation per field, keyset pages.
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
            throw invalid(
                    List.of(new Violation("If-Match", "must be the ETag of one version, e.g. \"3\", not " + ifMatch)));
        }
    }

    /** 412: the change was based on {@code expected}, but another version is active now (named, if any). */
    public static ProblemException preconditionFailed(String detail, Optional<Integer> activeVersion) {
        Problem problem = Problem.of("precondition-failed", "Precondition failed", 412, detail);
        if (activeVersion.isPresent()) {
            problem = problem.with("activeVersion", activeVersion.get());
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
}
