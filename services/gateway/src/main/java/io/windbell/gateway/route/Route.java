package io.windbell.gateway.route;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One route of the gateway, as configured: which paths it takes, whether they need a login and which role, and the
 * limits that apply. Plain data and path logic; the instances behind it are its {@code UpstreamPool}.
 *
 * @param name
 *            the route's name, e.g. {@code ingest} (also the name in the OpenAPI index and the access log)
 * @param prefix
 *            the path prefix without a trailing slash, e.g. {@code /api/ingest}
 * @param stripPrefix
 *            whether the prefix is removed before the request goes upstream
 * @param publicRoute
 *            served without login
 * @param roles
 *            a token must hold one of these (empty only on a public route)
 * @param publicPaths
 *            paths under the route served without login
 * @param maxBodyBytes
 *            the largest request body accepted
 * @param timeout
 *            how long the upstream may take to start answering
 * @param listedInIndex
 *            whether the OpenAPI index lists the route
 */
public record Route(String name, String prefix, boolean stripPrefix, boolean publicRoute, Set<String> roles,
        List<PathGlob> publicPaths, long maxBodyBytes, Duration timeout, boolean listedInIndex) {

    public Route {
        if (!prefix.startsWith("/") || (prefix.length() > 1 && prefix.endsWith("/"))) {
            throw new IllegalArgumentException(
                    "route " + name + ": the prefix starts with / and does not end with one");
        }
        if (!publicRoute && roles.isEmpty()) {
            throw new IllegalArgumentException(
                    "route " + name + ": name the roles that may use it (windbell.gateway.routes." + name
                            + ".roles) or mark it public");
        }
        roles = Set.copyOf(roles);
        publicPaths = List.copyOf(publicPaths);
    }

    /** Whether the (normalised) path belongs to this route: the prefix itself or anything below it. */
    public boolean covers(String path) {
        return path.equals(prefix) || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
    }

    /** The path as the upstream sees it: without the prefix when it is stripped ({@code /} at least). */
    public String upstreamPath(String path) {
        if (!stripPrefix) {
            return path;
        }
        String rest = path.substring(prefix.length());
        return rest.isEmpty() ? "/" : rest;
    }

    /** Whether this path (the gateway's, normalised) is served without a login. */
    public boolean isPublic(String path) {
        if (!covers(path)) {
            return false;
        }
        if (publicRoute) {
            return true;
        }
        String below = upstreamPath(path);
        return publicPaths.stream().anyMatch(glob -> glob.matches(below));
    }

    /** Whether a caller holding these roles may use the route. */
    public boolean admits(Set<String> callerRoles) {
        return roles.stream().anyMatch(callerRoles::contains);
    }
}
