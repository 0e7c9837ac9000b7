package io.windbell.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.windbell.contracts.Text;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * An opaque keyset cursor: the sort key of the last row a page held, so the next page starts after it however many rows
 * arrive in between (offsets would skip or repeat rows).
 */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    /** Encodes the key parts of the last row of a page. */
    public static String encode(String... keyParts) {
        String joined = String.join(String.valueOf(SEPARATOR), keyParts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor into exactly {@code parts} non-empty key parts that {@link Text} accepts, or answers 400 with a
     * field-level reason.
     */
    public static List<String> decode(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            // a forged cursor may decode to anything: a NUL would reach the database and fail there
            if (keys.size() == parts && keys.stream().allMatch(k -> !k.isEmpty() && Text.isAcceptable(k))) {
                return keys;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a cursor of the wrong shape
        }
        throw invalidCursor();
    }

    /** The answer to a cursor whose key parts do not parse as the API wrote them. */
    public static ProblemException invalidCursor() {
        return invalid("cursor", "not a cursor this API returned");
    }

    /** The page size asked for, defaulted and bounded. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, field + " is invalid")
                .withViolations(List.of(new Violation(field, message))));
    }
}
