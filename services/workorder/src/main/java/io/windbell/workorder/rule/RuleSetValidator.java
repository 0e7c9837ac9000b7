package io.windbell.workorder.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.platform.problem.Violation;

/** Checks a candidate rule set field by field; every problem is one violation naming its field. */
public final class RuleSetValidator {

    /** The most rules a set may hold: every signal walks them in order. */
    public static final int MAX_RULES = 100;
    /** The signal types the rules can see. */
    public static final Set<String> SIGNAL_TYPES = Set.of(LowScoreAlert.TYPE, JourneyInterrupted.TYPE);

    private static final Pattern RULE_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final Pattern TIER = Pattern.compile("^[a-z][a-z0-9_-]{0,31}$");
    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,31}$");

    private RuleSetValidator() {
    }

    public static List<Violation> validate(CreationRuleSet set) {
        List<Violation> violations = new ArrayList<>();
        if (set.rules().size() > MAX_RULES) {
            violations.add(new Violation("rules", "at most " + MAX_RULES + " rules"));
            return violations;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < set.rules().size(); i++) {
            String at = "rules[" + i + "]";
            CreationRule rule = set.rules().get(i);
            if (rule == null) {
                violations.add(new Violation(at, "must be a rule"));
                continue;
            }
            if (rule.code() == null || !RULE_CODE.matcher(rule.code()).matches()) {
                violations.add(new Violation(at + ".code", "must match " + RULE_CODE.pattern()));
            } else if (!codes.add(rule.code())) {
                violations.add(new Violation(at + ".code", "is used by an earlier rule"));
            }
            when(rule.when(), at + ".when", violations);
            then(rule.then(), at + ".then", violations);
        }
        return violations;
    }

    private static void when(CreationRule.When when, String at, List<Violation> violations) {
        each(when.alertTypes(), SIGNAL_TYPES::contains, at + ".alertTypes", "must be one of " + SIGNAL_TYPES,
                violations);
        each(when.journeyCodes(), Identifiers::isJourneyCode, at + ".journeyCodes",
                "must match " + Identifiers.JOURNEY_CODE_REGEX, violations);
        each(when.touchpoints(), code -> Identifiers.TOUCHPOINT_CODE.matcher(code).matches(), at + ".touchpoints",
                "must match " + Identifiers.TOUCHPOINT_CODE_REGEX, violations);
        each(when.tiers(), tier -> TIER.matcher(tier).matches(), at + ".tiers",
                "must match " + TIER.pattern() + " (" + CreationRuleSet.UNKNOWN_TIER + " for a tier not known)",
                violations);
        each(when.productPrefixes(), prefix -> PREFIX.matcher(prefix).matches(), at + ".productPrefixes",
                "must match " + PREFIX.pattern(), violations);
        boolean onlyAlerts = !when.alertTypes().isEmpty() && !when.alertTypes().contains(JourneyInterrupted.TYPE);
        if (onlyAlerts && !when.interruptionReasons().isEmpty()) {
            violations.add(new Violation(at + ".interruptionReasons",
                    "only " + JourneyInterrupted.TYPE + " has an interruption reason: add it to alertTypes"));
        }
    }

    private static void then(CreationRule.Then then, String at, List<Violation> violations) {
        if (then == null || then.create() == null) {
            violations.add(new Violation(at + ".create", "must be RECOVERY, CALLBACK or NONE"));
        } else if (then.create() == CreationRule.Create.NONE && then.priority() != null) {
            violations.add(new Violation(at + ".priority", "must be absent: NONE opens nothing"));
        }
    }

    private static void each(Set<String> values, Predicate<String> valid, String field, String message,
            List<Violation> violations) {
        for (String value : values) {
            if (value == null || !valid.test(value)) {
                violations.add(new Violation(field, message + ", not " + value));
            }
        }
    }
}
