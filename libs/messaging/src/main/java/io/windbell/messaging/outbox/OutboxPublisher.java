package io.windbell.messaging.outbox;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;

import io.windbell.messaging.kafka.KafkaClients;

/**
 * What every event-producing service runs: its Kafka producer (acks=all, idempotent; also used for dead letters) and
 * the one {@link OutboxRelay} that publishes its outbox with it. Created at startup, closed at shutdown.
 */
public final class OutboxPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final OutboxRelay relay;

    /**
     * @param service
     *            the service name: client id {@code windbell-<service>}, thread {@code <service>-outbox-relay}
     */
    public OutboxPublisher(DataSource dataSource, String bootstrapServers, Map<String, String> producerProperties,
            String service, OutboxRelay.Settings settings) {
        producer = KafkaClients.producer(bootstrapServers, producerProperties, "windbell-" + service);
        relay = new OutboxRelay(dataSource, producer, settings);
        relay.start(service + "-outbox-relay");
    }

    /** Rows were committed to the outbox: publish them now rather than at the next poll. */
    public void wake() {
        relay.wake();
    }

    public OutboxRelay.Status status() {
        return relay.status();
    }

    /** The service's producer: acks=all, idempotent. */
    public Producer<String, byte[]> producer() {
        return producer;
    }

    @Override
    public void close() throws InterruptedException {
        relay.close();
        producer.close(Duration.ofSeconds(5));
    }
}
