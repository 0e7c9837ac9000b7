package io.windbell.workorder.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.WorkOrderType;

/**
 * One version of the SLA policy set. An order's {@code slaPolicy} names the policy and the version it was timed by
 * ({@code RECOVERY-HIGH@3}), so a reopened order finds its targets even after the set changed.
 */
public record SlaPolicies(int version, List<SlaPolicy> policies) {

    /** The key of the one policy set in {@code sla_policy_set}. */
    public static final String KEY = "default";

    public SlaPolicies {
        policies = List.copyOf(policies);
    }

    /** The most specific policy matching an order ({@link SlaPolicy#specificity()}); empty when none does. */
    public Optional<SlaPolicy> find(WorkOrderType type, Severity severity, String tier) {
        return policies.stream().filter(p -> p.matches(type, severity, tier))
                .max(Comparator.comparingInt(SlaPolicy::specificity));
    }

    /** The reference an order keeps: {@code <policy code>@<set version>}. */
    public String reference(SlaPolicy policy) {
        return policy.code() + "@" + version;
    }

    /** The policy code of a reference. */
    public static String codeOf(String reference) {
        int at = reference.lastIndexOf('@');
        return at < 0 ? reference : reference.substring(0, at);
    }

    /** The set version of a reference; empty when it has none. */
    public static Optional<Integer> versionOf(String reference) {
        int at = reference.lastIndexOf('@');
        try {
            return at < 0 ? Optional.empty() : Optional.of(Integer.parseInt(reference.substring(at + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<SlaPolicy> byCode(String code) {
        return policies.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
