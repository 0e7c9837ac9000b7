package io.windbell.messaging.kit;

import javax.sql.DataSource;

import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;

/**
 * One declared stream-processing channel: each polled batch is one JDBC transaction (inbox claim + the service's
 * handler + its outbox rows) under the kit's failure policy; see {@link BatchChannel}.
 */
public final class JdbcChannel<T extends EventPayload> extends BatchChannel<T> {

    JdbcChannel(DataSource dataSource, BatchProcessor.Settings settings, Class<T> payloadType,
            BatchProcessor.Check<T> check, BatchProcessor.Handler<T> handler, Gate started, Runnable afterCommit) {
        super(new BatchProcessor<>(dataSource, settings, payloadType, check, handler, BatchChannel::unwrap,
                BatchChannel::deadLetter, afterCommit), started);
    }
}
