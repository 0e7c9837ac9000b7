package io.windbell.workorder.rule.rest;

import java.time.Instant;
import java.util.List;

import io.windbell.config.VersionedStore.Stored;
import io.windbell.workorder.rule.CreationRule;
import io.windbell.workorder.rule.CreationRuleSet;

/**
 * The creation rule set as the API reads and writes it: the ordered rules, and (read only) the version's bookkeeping.
 *
 * @param version
 *            read only: the version number, also the ETag
 * @param active
 *            read only: whether it is the version in force
 */
public record RuleSetDocument(List<CreationRule> rules, Integer version, Boolean active, Instant createdAt,
        String createdBy) {

    static RuleSetDocument of(Stored<CreationRuleSet> stored) {
        return new RuleSetDocument(stored.value().rules(), stored.version(), stored.active(), stored.createdAt(),
                stored.createdBy());
    }

    CreationRuleSet toRuleSet() {
        return new CreationRuleSet(rules);
    }
}
