package io.windbell.messaging.kit;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.messaging.outbox.OutboxPublisher;

/**
 * The kit's failure strategy ({@code failure-strategy=windbell-dead-letter}, the default of every channel): a record
 * the kit nacks with a {@link DeadLetterRequest} goes alone to {@code <topic>.dlq.<service>} with the error in
 * {@code windbell-dlq-*} headers, and the nack completes when the broker acknowledged the letter. Any other nack (the
 * framework giving up on a whole batch) fails the channel instead: dead-lettering a batch wholesale would bury the good
 * records with the bad.
 */
@ApplicationScoped
@Identifier(DeadLetterStrategy.NAME)
public class DeadLetterStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "windbell-dead-letter";

    private static final Logger LOG = Logger.getLogger(DeadLetterStrategy.class);

    /** The reason the kit nacks a record with: send it to the dead-letter topic. */
    public static final class DeadLetterRequest extends Exception {
        private final int attempts;

        public DeadLetterRequest(Throwable error, int attempts) {
            super(error.getMessage(), error, false, false);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }

    private final OutboxPublisher publisher;
    private final MessagingConfig config;

    public DeadLetterStrategy(OutboxPublisher publisher, MessagingConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration channel, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        DeadLetters deadLetters = new DeadLetters(publisher.producer(), config.service());
        return new KafkaFailureHandler() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (reason instanceof DeadLetterRequest request) {
                    ConsumerRecord<String, byte[]> original = (ConsumerRecord<String, byte[]>) record
                            .getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
                    return Uni.createFrom()
                            .completionStage(() -> deadLetters.send(original, request.getCause(), request.attempts()));
                }
                if (reason instanceof BatchProcessor.ClosedException) {
                    // the service is stopping with a batch in hand: it stays uncommitted and is read again
                    return Uni.createFrom().failure(reason);
                }
                LOG.errorf(reason,
                        "channel %s: a record was nacked outside the kit's failure policy; stopping the channel",
                        channel.getChannel());
                reportFailure.accept(reason, true);
                return Uni.createFrom().failure(reason);
            }
        };
    }
}
