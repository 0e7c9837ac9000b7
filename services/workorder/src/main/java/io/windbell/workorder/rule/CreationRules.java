package io.windbell.workorder.rule;

import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
/**
 * The creation rules in force, in memory: the consumers decide without a query. Every version is loaded at startup
 * (before the channels start), after every change made through this replica, and every
 * {@code windbell.workorder.rules.refresh-interval} for the changes of other replicas. Until a set is loaded (or after
 * it is retired) nothing matches: no ticket is opened rather than a wrong one.
 */
import io.windbell.workorder.RefreshingSnapshot;

@ApplicationScoped
public class CreationRules {

    private final VersionedStore<CreationRuleSet> store;
    private final RuleConfig config;
    private final RefreshingSnapshot<Versions<CreationRuleSet>> snapshot;

    public CreationRules(DataSource dataSource, RuleConfig config) {
        this.store = new VersionedStore<>(dataSource, "creation rule set", "creation_rule_set", "code",
                RuleSetSpec.CODEC);
        this.config = config;
        this.snapshot = new RefreshingSnapshot<>("workorder-creation-rules", store::index, Versions.empty());
    }

    // before the kit opens the channels (APPLICATION + 1000): the first alert finds the rules loaded
    void onStart(@Observes @Priority(100) StartupEvent event) {
        snapshot.start(config.refreshInterval());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        snapshot.close();
    }

    /** Loads every version and swaps them in one step (after a change through this replica). */
    public void reload() {
        snapshot.reload();
    }

    /** The rule set in force; an empty set when none is active. */
    public CreationRuleSet current() {
        return snapshot.get().active(CreationRuleSet.KEY).map(Stored::value).orElse(new CreationRuleSet(null));
    }

    /** The active version with its bookkeeping, if any. */
    public Optional<Stored<CreationRuleSet>> active() {
        return snapshot.get().active(CreationRuleSet.KEY);
    }

    /** Every version, for the API. */
    public Versions<CreationRuleSet> versions() {
        return snapshot.get();
    }

    /** The store behind the rules, for the API's changes. */
    public VersionedStore<CreationRuleSet> store() {
        return store;
    }
}
