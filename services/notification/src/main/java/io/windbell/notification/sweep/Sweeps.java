package io.windbell.notification.sweep;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts a {@link Sweep} for every enabled {@link Swept} bean when the service starts, and stops them all at the end.
 */
@ApplicationScoped
public class Sweeps {

    private final Instance<Swept> swept;
    private final List<Sweep> running = new ArrayList<>();

    Sweeps(@Any Instance<Swept> swept) {
        this.swept = swept;
    }

    void onStart(@Observes StartupEvent event) {
        for (Swept s : swept) {
            if (s.sweepConfig().enabled()) {
                running.add(new Sweep(s.sweepName(), s.sweepConfig().interval(), s::run).start());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        for (Sweep sweep : running) {
            sweep.close();
        }
        running.clear();
    }
}
