package io.windbell.messaging.kit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;

/**
 * One declared stream-processing channel: the service's {@code @Incoming} method hands it each polled batch. The batch
 * is acknowledged (its offsets become committable) only after every record was applied in a committed transaction or
 * dead-lettered; a poison record is nacked alone and the {@link DeadLetterStrategy} sends it to the dead-letter topic.
 */
public final class JdbcChannel<T extends EventPayload> {

    private final BatchProcessor<KafkaRecord<String, byte[]>, T> processor;
    private final JdbcChannels.Gate started;
    private final JdbcChannels.Gate held = new JdbcChannels.Gate(true);

    JdbcChannel(DataSource dataSource, BatchProcessor.Settings settings, Class<T> payloadType,
            BatchProcessor.Check<T> check, BatchProcessor.Handler<T> handler, JdbcChannels.Gate started,
            Runnable afterCommit) {
        this.started = started;
        this.processor = new BatchProcessor<>(dataSource, settings, payloadType, check, handler, JdbcChannel::unwrap,
                (record, error, attempts) -> record.nack(new DeadLetterStrategy.DeadLetterRequest(error, attempts))
                        .toCompletableFuture().get(),
                afterCommit);
    }

    /**
     * Applies the batch on the calling worker thread; the returned stage acknowledges it. Fails, leaving the batch
     * uncommitted, only when the service stops meanwhile.
     */
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        try {
            if (!started.await() || !held.await()) {
                throw new BatchProcessor.ClosedException(processor.status().channel());
            }
            processor.process(batch.getRecords());
        } catch (BatchProcessor.ClosedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return batch.ack();
    }

    /**
     * Holds processing: batches already polled wait before their transaction and nothing more is committed, as if the
     * consumer had stopped (for maintenance, and for tests of a restart); {@link #release()} resumes.
     */
    public void hold() {
        held.shut();
    }

    public void release() {
        held.open();
    }

    public BatchProcessor.Status status() {
        return processor.status();
    }

    void close() {
        held.close();
        processor.close();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> unwrap(KafkaRecord<String, byte[]> record) {
        return (ConsumerRecord<String, byte[]>) record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow()
                .getRecord();
    }
}
