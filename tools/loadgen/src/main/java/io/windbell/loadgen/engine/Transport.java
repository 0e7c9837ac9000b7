package io.windbell.loadgen.engine;

import java.util.function.Consumer;

/** Sends one payload and reports the response later, on the runner's thread. */
@FunctionalInterface
public interface Transport {

    void send(Payload payload, Consumer<Response> done);
}
