package io.windbell.workorder.rule;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.config.VersionedStore;

/**
 * The {@code spec} column of table {@code creation_rule_set} (V4): the ordered rules; the key and version are columns.
 */
@RegisterForReflection(targets = { RuleSetSpec.class, CreationRule.class, CreationRule.When.class,
        CreationRule.Then.class })
public record RuleSetSpec(List<CreationRule> rules) {

    public static final VersionedStore.Codec<CreationRuleSet> CODEC = VersionedStore.Codec.of(RuleSetSpec.class,
            set -> CreationRuleSet.KEY, set -> new RuleSetSpec(set.rules()),
            (key, version, active, spec) -> new CreationRuleSet(spec.rules()));
}
