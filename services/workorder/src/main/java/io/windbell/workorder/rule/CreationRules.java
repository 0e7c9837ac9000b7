package io.windbell.workorder.rule;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.platform.background.Periodic;

/**
 * The creation rules in force, in memory: the consumers decide without a query. Every version is loaded at startup
 * (before the channels start), after every change made through this replica, and every
 * {@code windbell.workorder.rules.refresh-interval} for the changes of other replicas. Until a set is loaded (or after
 * it is retired) nothing matches: no ticket is opened rather than a wrong one.
 */
@ApplicationScoped
public class CreationRules {

    private static final Logger LOG = Logger.getLogger(CreationRules.class);

    private final VersionedStore<CreationRuleSet> store;
    private final RuleConfig config;
    private volatile Versions<CreationRuleSet> versions = Versions.empty();
    private Periodic timer;

    public CreationRules(DataSource dataSource, RuleConfig config) {
        this.store = new VersionedStore<>(dataSource, "creation rule set", "creation_rule_set", "code",
                RuleSetSpec.CODEC);
        this.config = config;
    }

    // before the kit opens the channels (APPLICATION + 1000): the first alert finds the rules loaded
    void onStart(@Observes @Priority(100) StartupEvent event) {
        reload();
        Duration every = config.refreshInterval();
        timer = new Periodic("workorder-creation-rules-refresh", every, every, () -> {
            reload();
            return false;
        }).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (timer != null) {
            timer.close();
        }
    }

    /** Loads every version and swaps them in one step; serialised so a slow load never replaces a later one. */
    public synchronized void reload() {
        Versions<CreationRuleSet> loaded = store.index();
        versions = loaded;
        LOG.debugf("creation rules loaded: %d versions", loaded.count());
    }

    /** The rule set in force; an empty set when none is active. */
    public CreationRuleSet current() {
        return versions.active(CreationRuleSet.KEY).map(Stored::value).orElse(new CreationRuleSet(null));
    }

    /** The active version with its bookkeeping, if any. */
    public Optional<Stored<CreationRuleSet>> active() {
        return versions.active(CreationRuleSet.KEY);
    }

    /** Every version, for the API. */
    public Versions<CreationRuleSet> versions() {
        return versions;
    }

    /** The store behind the rules, for the API's changes. */
    public VersionedStore<CreationRuleSet> store() {
        return store;
    }
}
