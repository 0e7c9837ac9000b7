package io.windbell.workorder.rule;

import java.util.List;
import java.util.Optional;

/**
 * The ordered creation rules (one versioned configuration, key {@value #KEY}): the first rule whose conditions a signal
 * meets decides what it opens; a signal no rule matches opens nothing.
 */
public record CreationRuleSet(List<CreationRule> rules) {

    /** The one key the rule set is stored under. */
    public static final String KEY = "default";
    /** The tier a rule names to match customers whose tier is not known. */
    public static final String UNKNOWN_TIER = "unknown";

    public CreationRuleSet {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The decision of the first matching rule; empty when none matches. */
    public Optional<Decision> decide(Facts facts) {
        for (CreationRule rule : rules) {
            if (rule.when().matches(facts)) {
                CreationRule.Then then = rule.then();
                return Optional.of(new Decision(rule.code(), then.create(),
                        then.priority() != null ? then.priority() : Priorities.of(facts.severity())));
            }
        }
        return Optional.empty();
    }
}
