package io.windbell.platform.problem;

import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/**
 * The problems an HTTP status alone explains (404, 405, 413, ...), and the one answer to an unexpected error; shared by
 * the JAX-RS mappers and the Vert.x handlers in front of them ({@link HttpEdge}), so both answer alike.
 */
public final class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);

    private HttpProblems() {
    }

    /** A problem of this status, titled by its reason phrase; {@code detail} is said to the client as it is. */
    public static Problem of(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        if (status == 414) {
            title = "URI too long";
        } else if (status == 431) {
            title = "Request header fields too large";
        }
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Problem.of(slug, title, status, detail == null || detail.isBlank() ? title : detail);
    }

    /**
     * A 500 for an error the service did not expect: logged at ERROR with its stack and a fresh {@code errorId}, which
     * is the only thing the body says about it.
     */
    public static Problem unexpected(Throwable error, String path) {
        String errorId = UUID.randomUUID().toString();
        // not the path: under /s/ and /v1/s/ it holds a survey link token, the respondent's credential
        LOG.errorf(error, "Unexpected error, errorId %s", errorId);
        return Problem
                .of("internal-error", "Internal server error", 500,
                        "an unexpected error occurred; quote errorId " + errorId + " when reporting it")
                .with("errorId", errorId).withInstance(path);
    }
}
