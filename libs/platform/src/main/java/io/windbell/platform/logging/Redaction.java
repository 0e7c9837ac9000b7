package io.windbell.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that is about to leave the process (log lines, span attributes): survey link tokens
 * (the respondent's only credential, in the path under {@code /s/} and {@code /v1/s/}), bearer tokens
 * ({@code Authorization: Bearer ...}), OAuth parameters ({@code access_token=...}, {@code client_secret=...}) and
 * anything shaped like a JWT. The one place that knows where such credentials appear; {@link RedactingLogFilter}
 * applies it to every log record.
 */
public final class Redaction {

    /** What replaces a credential in a log line. */
    public static final String MARKER = "[redacted]";

    /**
     * {@code /s/<token>} or {@code /v1/s/<token>} as a path's first segments: at the start of the text, after a blank,
     * quote, bracket, {@code =} or {@code :}, or right after a URL's authority ({@code http://host:8083/s/...}). Not
     * {@code /s-assets/...} and not a deeper {@code /x/s/...}.
     */
    private static final Pattern LINK_TOKEN = Pattern
            .compile("(?:(?<=://[^/\\s?#]{1,255})|(?<![^\\s\"'(\\[<=:,]))(/v1)?/s/[^/?#\\s\"'<>;,()\\[\\]]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern OAUTH_PARAMETER = Pattern
            .compile("(?i)(\\b(?:access_token|refresh_token|id_token|client_secret)\"?\\s*[=:]\\s*\"?)[^&\\s\"',;}]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private Redaction() {
    }

    /** The text with every credential this class knows replaced by {@link #MARKER}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || !mayHoldCredential(text)) {
            return text;
        }
        String out = linkTokens(text, MARKER);
        out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARKER));
        out = OAUTH_PARAMETER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARKER));
        return JWT.matcher(out).replaceAll(Matcher.quoteReplacement(MARKER));
    }

    /**
     * Only survey link tokens, each replaced by {@code marker}: {@code /v1/s/abc/draft} becomes
     * {@code /v1/s/<marker>/draft}.
     */
    public static String linkTokens(String text, String marker) {
        if (text == null || !text.contains("/s/")) {
            return text;
        }
        return LINK_TOKEN.matcher(text)
                .replaceAll(m -> (m.group(1) == null ? "" : "/v1") + "/s/" + Matcher.quoteReplacement(marker));
    }

    /** A cheap test that keeps the regular expressions off the ordinary log line. */
    private static boolean mayHoldCredential(String text) {
        return text.contains("/s/") || text.contains("eyJ") || containsIgnoreCase(text, "bearer")
                || containsIgnoreCase(text, "token") || containsIgnoreCase(text, "secret");
    }

    private static boolean containsIgnoreCase(String text, String part) {
        int max = text.length() - part.length();
        for (int i = 0; i <= max; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
