package io.windbell.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.windbell.ingest.IngestConfig;
import io.windbell.platform.kafka.KafkaSecurity;

/**
 * Whether the broker can take events right now. Probed on a timer and marked down at once when a send fails, so that
 * requests fail fast with 503 instead of waiting for a broker that is not there; readiness follows it.
 */
@ApplicationScoped
@Readiness
@Default // also injectable by type: @Readiness alone would hide it from other beans
public class BrokerAvailability implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BrokerAvailability.class);

    private final Admin admin;
    private final Duration interval;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-availability-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean available;
    private volatile String lastError = "not probed yet";

    BrokerAvailability(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.interval = config.producer().probeInterval();
        int timeoutMs = (int) Math.max(500, interval.toMillis());
        // the probe connects like the producer: over TLS with the service's certificate when the broker asks for it
        Map<String, Object> settings = new HashMap<>(KafkaSecurity.settings(kafka));
        settings.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "windbell-ingest-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                timeoutMs, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
        this.admin = Admin.create(settings);
    }

    /** Probes once now, then on the configured interval. */
    public void start() {
        probeOnce();
        probe.scheduleWithFixedDelay(this::probeOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean available() {
        return available;
    }

    /** A send failed: stop accepting until the next successful probe, unless the failure says nothing of the broker. */
    void reportFailure(Throwable error) {
        if (error instanceof RetriableException || error instanceof org.apache.kafka.common.errors.TimeoutException) {
            mark(false, error.getClass().getSimpleName() + ": " + error.getMessage());
        }
    }

    private void probeOnce() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) interval.toMillis())).nodes()
                    .get(interval.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            mark(nodes > 0, nodes > 0 ? null : "no broker in the cluster");
        } catch (Exception e) {
            mark(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void mark(boolean up, String error) {
        if (up != available) {
            if (up) {
                LOG.info("Kafka is reachable: accepting events");
            } else {
                LOG.warnf("Kafka is unreachable, answering 503 until it is back: %s", error);
            }
        }
        available = up;
        lastError = error;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-broker").status(available)
                .withData("lastError", lastError == null ? "" : lastError).build();
    }

    @PreDestroy
    void close() {
        probe.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
