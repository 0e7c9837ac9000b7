package io.windbell.notification.endpoint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WeCom group robot's URL carries its credential in the {@code key} query parameter: whoever reads the URL can post
 * to the group. Answers show it masked ({@code key=****ab12}, the last four characters to tell robots apart), like a
 * webhook's secret, which is never shown; a change that sends the masked URL back keeps the stored one.
 */
public final class RobotUrls {

    static final String MASK = "****";
    private static final Pattern KEY = Pattern.compile("([?&]key=)([^&#]*)");

    private RobotUrls() {
    }

    /** {@code url} with its {@code key} masked; {@code null} stays {@code null}. */
    public static String shown(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = KEY.matcher(url);
        StringBuilder shown = new StringBuilder();
        while (m.find()) {
            String key = m.group(2);
            String tail = key.length() > 8 ? key.substring(key.length() - 4) : "";
            m.appendReplacement(shown, Matcher.quoteReplacement(m.group(1) + MASK + tail));
        }
        return m.appendTail(shown).toString();
    }

    /** Whether {@code url} is a masked one as {@link #shown} answers it (a change then keeps the stored URL). */
    public static boolean masked(String url) {
        return url != null && url.contains("key=" + MASK);
    }
}
