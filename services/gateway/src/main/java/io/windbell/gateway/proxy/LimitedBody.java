package io.windbell.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body without a declared length, passed on as it arrives until it grows beyond the route's limit; then the
 * stream fails with {@link TooLarge} (the proxy resets the upstream request and the caller gets 413). A body that
 * declares its length is checked before anything is sent.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** The body went over the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the route's limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long seen;
    private Handler<Throwable> exceptionHandler;
    private boolean failed;

    LimitedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (failed) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                failed = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (!failed) {
                endHandler.handle(v);
            }
        });
        return this;
    }

    boolean exceeded() {
        return failed;
    }
}
