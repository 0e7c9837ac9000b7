package io.windbell.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.windbell.ingest.kafka.BrokerAvailability;
import io.windbell.ingest.kafka.TouchpointPublisher;

/** Probes the broker and fetches topic metadata before the first request, so it does not pay for either. */
@ApplicationScoped
class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);

    void onStart(@Observes StartupEvent event, BrokerAvailability broker, TouchpointPublisher publisher) {
        broker.start();
        if (broker.available()) {
            publisher.warmUp();
        } else {
            LOG.warn("Kafka is not reachable at start: readiness stays DOWN and requests get 503 until it is");
        }
    }
}
