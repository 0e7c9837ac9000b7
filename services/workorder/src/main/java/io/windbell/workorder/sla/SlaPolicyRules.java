package io.windbell.workorder.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.platform.problem.Violation;

/** Checks a policy set field by field and turns it into {@link SlaPolicy}s: every violation, not the first. */
public final class SlaPolicyRules {

    public static final String CODE_REGEX = "^[A-Z][A-Z0-9_-]{1,47}$";
    /** What matches anything. */
    public static final String ANY = "*";
    /** The most policies a set may hold. */
    public static final int MAX_POLICIES = 200;
    /** The longest target: a year of business time is a configuration mistake, not an SLA. */
    static final Duration MAX_TARGET = Duration.ofDays(366);

    private static final Pattern CODE = Pattern.compile(CODE_REGEX);
    private static final Pattern TIER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$");

    /** The policies, or why not. */
    public record Checked(List<SlaPolicy> policies, List<Violation> violations) {
    }

    private SlaPolicyRules() {
    }

    public static Checked check(List<PolicySpec> specs) {
        List<Violation> violations = new ArrayList<>();
        List<SlaPolicy> policies = new ArrayList<>();
        if (specs == null || specs.isEmpty() || specs.size() > MAX_POLICIES) {
            violations.add(new Violation("policies", "between 1 and " + MAX_POLICIES + " policies"));
            return new Checked(List.of(), violations);
        }
        Set<String> codes = new HashSet<>();
        Set<String> scopes = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String at = "policies[" + i + "].";
            PolicySpec spec = specs.get(i);
            if (spec == null) {
                violations.add(new Violation("policies[" + i + "]", "is required"));
                continue;
            }
            int before = violations.size();
            if (spec.code() == null || !CODE.matcher(spec.code()).matches()) {
                violations.add(new Violation(at + "code", "must match " + CODE_REGEX));
            } else if (!codes.add(spec.code())) {
                violations.add(new Violation(at + "code", "is used by another policy"));
            }
            WorkOrderType type = wildcard(spec.type(), WorkOrderType.class, at + "type", violations);
            Severity severity = wildcard(spec.severity(), Severity.class, at + "severity", violations);
            String tier = ANY.equals(spec.tier()) || spec.tier() == null ? null : spec.tier();
            if (tier != null && !TIER.matcher(tier).matches()) {
                violations.add(new Violation(at + "tier", "must be * or a tier code"));
            }
            Duration first = duration(spec.firstResponse(), at + "firstResponse", violations);
            Duration resolution = duration(spec.resolution(), at + "resolution", violations);
            Duration escalateAfter = duration(spec.escalateAfter(), at + "escalateAfter", violations);
            if (first != null && resolution != null && resolution.compareTo(first) < 0) {
                violations.add(new Violation(at + "resolution", "must not be shorter than firstResponse"));
            }
            Double share = spec.warningShare();
            if (share == null || !(share > 0 && share < 1)) {
                violations.add(new Violation(at + "warningShare", "must be a number between 0 and 1, e.g. 0.8"));
            }
            if (!scopes.add(String.valueOf(type) + '/' + severity + '/' + tier)) {
                violations.add(new Violation(at + "type", "another policy has the same type, severity and tier"));
            }
            if (violations.size() == before) {
                policies.add(new SlaPolicy(spec.code(), type, severity, tier, first, resolution, share, escalateAfter));
            }
        }
        return new Checked(List.copyOf(policies), List.copyOf(violations));
    }

    /** The spec of a policy, wildcards as {@value #ANY}. */
    public static PolicySpec spec(SlaPolicy policy) {
        return new PolicySpec(policy.code(), policy.type() == null ? ANY : policy.type().name(),
                policy.severity() == null ? ANY : policy.severity().name(), policy.tier() == null ? ANY : policy.tier(),
                policy.firstResponse().toString(), policy.resolution().toString(), policy.warningShare(),
                policy.escalateAfter().toString());
    }

    private static <E extends Enum<E>> E wildcard(String value, Class<E> type, String field,
            List<Violation> violations) {
        if (value == null || ANY.equals(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be * or one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static Duration duration(String value, String field, List<Violation> violations) {
        try {
            Duration parsed = Duration.parse(value);
            if (!parsed.isNegative() && !parsed.isZero() && parsed.compareTo(MAX_TARGET) <= 0) {
                return parsed;
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // reported below
        }
        violations.add(new Violation(field, "must be a positive ISO-8601 duration of business time, e.g. PT4H"));
        return null;
    }
}
