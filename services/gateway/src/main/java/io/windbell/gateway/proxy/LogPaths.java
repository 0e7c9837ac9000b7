package io.windbell.gateway.proxy;

import io.windbell.platform.logging.Mask;

/**
 * A request path as the access log may show it: a customer id after {@code /customers/} masked, a survey link token
 * after {@code /s/} replaced; the query string is never logged (stream tickets and customer ids travel there).
 */
public final class LogPaths {

    private LogPaths() {
    }

    public static String of(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String before = segments[i - 1];
            if (before.equals("customers") && !segments[i].isEmpty()) {
                segments[i] = Mask.id(segments[i]);
            } else if (before.equals("s") && i - 1 <= 2 && !segments[i].isEmpty()) {
                segments[i] = "[token]";
            }
        }
        return String.join("/", segments);
    }
}
