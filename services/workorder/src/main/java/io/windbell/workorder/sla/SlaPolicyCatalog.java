package io.windbell.workorder.sla;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.workorder.RefreshingSnapshot;
import io.windbell.workorder.order.WorkOrder;

/**
 * Every version of the SLA policy set ({@code sla_policy_set}, versioned with libs/config), in memory: the SLA clock
 * picks an order's policy without waiting for the database.
 */
@ApplicationScoped
public class SlaPolicyCatalog {

    /** The stored spec of one version: the policies as text. */
    public record SetSpec(List<PolicySpec> policies) {
    }

    static final VersionedStore.Codec<SlaPolicies> CODEC = VersionedStore.Codec.of(SetSpec.class,
            set -> SlaPolicies.KEY, set -> new SetSpec(set.policies().stream().map(SlaPolicyRules::spec).toList()),
            (key, version, active, spec) -> new SlaPolicies(version, SlaPolicyRules.check(spec.policies()).policies()));

    private static final SlaPolicies NONE = new SlaPolicies(0, List.of());

    private final RefreshingSnapshot<Versions<SlaPolicies>> snapshot;
    private final SlaConfig config;

    SlaPolicyCatalog(VersionedStore<SlaPolicies> store, SlaConfig config) {
        this.snapshot = new RefreshingSnapshot<>("sla-policies", store::index, Versions.empty());
        this.config = config;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        snapshot.start(config.policyRefreshInterval());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        snapshot.close();
    }

    public void reload() {
        snapshot.reload();
    }

    public Versions<SlaPolicies> versions() {
        return snapshot.get();
    }

    /** The policy set in force; an empty one (no SLA) before the first load. */
    public SlaPolicies current() {
        return snapshot.get().active(SlaPolicies.KEY).map(Stored::value).orElse(NONE);
    }

    /** The policy an order is timed by: the one its reference names, else the one that matches it now. */
    public Optional<Timed> of(WorkOrder order) {
        if (order.slaPolicy != null) {
            String code = SlaPolicies.codeOf(order.slaPolicy);
            Optional<SlaPolicy> named = SlaPolicies.versionOf(order.slaPolicy)
                    .flatMap(v -> snapshot.get().version(SlaPolicies.KEY, v)).flatMap(s -> s.value().byCode(code));
            if (named.isPresent()) {
                return named.map(p -> new Timed(p, order.slaPolicy));
            }
        }
        return pick(order);
    }

    /** The policy that matches a new order now, with the reference the order keeps. */
    public Optional<Timed> pick(WorkOrder order) {
        SlaPolicies set = current();
        return set.find(order.type, order.severity, order.customerTier).map(p -> new Timed(p, set.reference(p)));
    }

    /** A policy and the reference an order keeps of it. */
    public record Timed(SlaPolicy policy, String reference) {
    }

    /** Table {@code sla_policy_set} as a store of libs/config. */
    @Singleton
    static class Store {
        @Produces
        @Singleton
        VersionedStore<SlaPolicies> policies(DataSource dataSource) {
            return new VersionedStore<>(dataSource, "SLA policy set", "sla_policy_set", "code", CODEC);
        }
    }
}
