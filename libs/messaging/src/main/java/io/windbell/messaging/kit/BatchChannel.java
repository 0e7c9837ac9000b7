package io.windbell.messaging.kit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;

/**
 * One declared channel: the service's {@code @Incoming @Blocking} method hands it each polled batch. The batch is
 * acknowledged (its offsets become committable) only after every record was applied in a committed transaction,
 * ignored, or dead-lettered; a poison record is nacked alone and the {@link DeadLetterStrategy} sends it to the
 * dead-letter topic. The flavours ({@link JdbcChannel}, {@link ReactiveChannel}) differ only in their unit of work.
 */
public abstract class BatchChannel<T extends EventPayload> {

    private final BatchProcessor<KafkaRecord<String, byte[]>, T> processor;
    private final Gate started;
    private final Gate held = new Gate(true);

    BatchChannel(BatchProcessor<KafkaRecord<String, byte[]>, T> processor, Gate started) {
        this.processor = processor;
        this.started = started;
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

    /** The kit's dead-letter sink: a nack the {@link DeadLetterStrategy} turns into a letter, awaited. */
    static void deadLetter(KafkaRecord<String, byte[]> record, Throwable error, int attempts) throws Exception {
        record.nack(new DeadLetterStrategy.DeadLetterRequest(error, attempts)).toCompletableFuture().get();
    }

    @SuppressWarnings("unchecked")
    static ConsumerRecord<String, byte[]> unwrap(KafkaRecord<String, byte[]> record) {
        return (ConsumerRecord<String, byte[]>) record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow()
                .getRecord();
    }
}
