package io.windbell.gateway.route;

import java.util.regex.Pattern;

/**
 * A path pattern of a route's configuration: {@code *} stands for one path segment, {@code **} for any rest of the path
 * (including nothing), everything else is literal; e.g. {@code /v1/employees/*&#47;stream} or {@code /inbox/**}.
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    public static PathGlob of(String glob) {
        if (glob == null || !glob.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with /: " + glob);
        }
        // "/inbox/**" also matches "/inbox" itself
        boolean anyRest = glob.endsWith("/**");
        String body = anyRest ? glob.substring(0, glob.length() - 3) : glob;
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            if (body.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (body.charAt(i) == '*') {
                regex.append("[^/]+");
                i++;
            } else {
                int star = body.indexOf('*', i);
                int end = star < 0 ? body.length() : star;
                regex.append(Pattern.quote(body.substring(i, end)));
                i = end;
            }
        }
        if (anyRest) {
            regex.append("(?:/.*)?");
        }
        return new PathGlob(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
