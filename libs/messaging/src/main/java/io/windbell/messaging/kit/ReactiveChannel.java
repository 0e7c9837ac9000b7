package io.windbell.messaging.kit;

import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.consumer.Selection;
import io.windbell.messaging.reactive.ReactiveUnitOfWork;

/**
 * One declared channel of an entity service: each record of a polled batch is applied in a reactive transaction of its
 * own ({@link ReactiveUnitOfWork}) under the kit's failure policy; records of types the channel ignores are
 * acknowledged without a transaction ({@link Selection}). See {@link BatchChannel}.
 */
public final class ReactiveChannel<T extends EventPayload> extends BatchChannel<T> {

    ReactiveChannel(BatchProcessor.Settings settings, Class<T> payloadType, Selection<T> selection,
            BatchProcessor.Check<T> check, ReactiveUnitOfWork.Handler<T> handler, Gate started, Runnable afterCommit) {
        super(new BatchProcessor<>(settings, payloadType, selection, check,
                new ReactiveUnitOfWork<>(settings.inboxConsumer(), handler), BatchChannel::unwrap,
                BatchChannel::deadLetter, afterCommit), started);
    }
}
