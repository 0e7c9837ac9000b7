package io.windbell.notification.delivery;

import java.util.regex.Pattern;

/**
 * The text of a failure as the delivery log keeps it: a URL keeps only its scheme and host (a path or query can carry a
 * robot key or a token), and the text is cut short. Senders never put bodies or secrets into their messages; this is
 * the net for what a library writes into an exception.
 */
public final class ErrorText {

    /** The longest error the log keeps. */
    static final int MAX = 300;

    private static final Pattern URL_TAIL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s?#\"']+)[^\\s\"']*");

    private ErrorText() {
    }

    /** The message of {@code failure}, or its type when it has none, cleaned. */
    public static String of(Throwable failure) {
        String message = failure.getMessage();
        return clean(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }

    /** {@code text} with every URL cut to its scheme and host, at most {@value #MAX} characters. */
    public static String clean(String text) {
        String cleaned = URL_TAIL.matcher(text).replaceAll("$1/…");
        return cleaned.length() <= MAX ? cleaned : cleaned.substring(0, MAX - 1) + "…";
    }
}
