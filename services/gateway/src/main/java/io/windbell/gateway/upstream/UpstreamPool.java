package io.windbell.gateway.upstream;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances behind one route, chosen round-robin. An instance whose breaker is open is skipped; one the health
 * probe saw down is tried only when no instance is known healthy (the probe lags a real outage by up to its interval,
 * and a recovered instance should not wait for it).
 */
public final class UpstreamPool {

    private final List<Upstream> instances;
    private final AtomicInteger next = new AtomicInteger();

    UpstreamPool(List<Upstream> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one upstream instance");
        }
        this.instances = List.copyOf(instances);
    }

    /** The instance for the next request, or none when every breaker is open. */
    public Optional<Upstream> choose() {
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        Upstream fallback = null;
        for (int i = 0; i < instances.size(); i++) {
            Upstream candidate = instances.get((start + i) % instances.size());
            if (!candidate.available()) {
                continue;
            }
            if (candidate.healthy()) {
                return Optional.of(candidate);
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** Whether at least one instance answered its last health probe with UP. */
    public boolean anyHealthy() {
        return instances.stream().anyMatch(Upstream::healthy);
    }

    public List<Upstream> instances() {
        return instances;
    }
}
