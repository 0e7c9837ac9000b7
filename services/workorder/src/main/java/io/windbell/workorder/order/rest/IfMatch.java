package io.windbell.workorder.order.rest;

import java.util.List;

import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;

/**
 * The {@code If-Match} of a command: the order's version as its ETag ({@code "4"}). Missing is 428 (a command that does
 * not say which version it is based on could overwrite a change unseen); a stale one is 409 (ADR 0022).
 */
final class IfMatch {

    private IfMatch() {
    }

    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of("precondition-required", "Precondition required", 428,
                    "send If-Match with the ETag of the order as you read it, e.g. If-Match: \"3\""));
        }
        String tag = ifMatch.trim();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // the same answer as a negative version
        }
        throw Versioning.invalid(
                List.of(new Violation("If-Match", "must be the order's ETag, e.g. \"3\" (a weak ETag never matches)")));
    }
}
