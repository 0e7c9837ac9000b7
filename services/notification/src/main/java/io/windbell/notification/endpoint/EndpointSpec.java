package io.windbell.notification.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.Text;
import io.windbell.platform.problem.Violation;

/**
 * An endpoint as an operator writes it, and its rules: a name, https (or an insecure host the configuration lists), a
 * WEBHOOK's HMAC secret of at least {@value #MIN_SECRET} characters.
 *
 * @param secret
 *            write-only; on a change, {@code null} keeps the stored one
 */
public record EndpointSpec(String kind, String name, String branchId, List<String> eventTypes, String url,
        String secret, Boolean enabled) {

    public static final int MIN_SECRET = 32;
    static final int MAX_SECRET = 512;
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2000;
    static final int MAX_EVENT_TYPES = 50;
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$");

    /** The event types, never {@code null}. */
    public List<String> eventTypeList() {
        return eventTypes == null ? List.of() : eventTypes;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /**
     * Every rule this spec breaks, one violation per field.
     *
     * @param storedSecret
     *            whether the endpoint being changed has a secret already ({@code false} when creating)
     */
    public List<Violation> violations(Set<String> insecureHosts, boolean storedSecret) {
        List<Violation> violations = new ArrayList<>();
        boolean webhook = Endpoint.WEBHOOK.equals(kind);
        if (!webhook && !Endpoint.WECOM_ROBOT.equals(kind)) {
            violations.add(new Violation("kind", "must be WECOM_ROBOT or WEBHOOK"));
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME || !Text.isAcceptable(name)) {
            violations.add(new Violation("name", "is required, at most " + MAX_NAME + " characters; " + Text.RULE));
        }
        if (branchId != null && !Identifiers.isBranchId(branchId)) {
            violations.add(
                    new Violation("branchId", "must be null (every branch) or match " + Identifiers.BRANCH_ID_REGEX));
        }
        List<String> types = eventTypeList();
        if (types.size() > MAX_EVENT_TYPES) {
            violations.add(new Violation("eventTypes", "at most " + MAX_EVENT_TYPES + " event types"));
        }
        for (int i = 0; i < types.size() && i < MAX_EVENT_TYPES; i++) {
            String type = types.get(i);
            if (type == null || type.length() > 100 || !EVENT_TYPE.matcher(type).matches()) {
                violations.add(new Violation("eventTypes[" + i + "]", "must be an event type, e.g. workorder.created"));
            }
        }
        String urlProblem = urlProblem(url, insecureHosts);
        if (urlProblem != null) {
            violations.add(new Violation("url", urlProblem));
        }
        if (secret != null && !webhook) {
            violations.add(new Violation("secret", "only a WEBHOOK has a secret"));
        } else if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET
                || !Text.isAcceptable(secret) || !secret.strip().equals(secret))) {
            violations.add(new Violation("secret",
                    "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters without surrounding blanks"));
        } else if (secret == null && webhook && !storedSecret) {
            violations
                    .add(new Violation("secret", "is required for a WEBHOOK (at least " + MIN_SECRET + " characters)"));
        }
        return violations;
    }

    /** What is wrong with {@code url}, or {@code null}. */
    static String urlProblem(String url, Set<String> insecureHosts) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        if (url.length() > MAX_URL || !Text.isAcceptable(url)) {
            return "must be a URL of at most " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute URL, e.g. https://hooks.example.com/windbell";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute http(s) URL, e.g. https://hooks.example.com/windbell";
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "must not carry user information or a fragment";
        }
        if (scheme.equals("http") && !insecureHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return "must be https (plain http only for " + String.join(", ", insecureHosts.stream().sorted().toList())
                    + ")";
        }
        return null;
    }
}
