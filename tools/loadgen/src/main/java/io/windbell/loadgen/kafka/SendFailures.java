package io.windbell.loadgen.kafka;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** The failed sends of one run: counted by exception type (on the producer's I/O thread too), the first one kept. */
final class SendFailures {

    private final LongAdder count = new LongAdder();
    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();
    private final AtomicReference<String> first = new AtomicReference<>();

    void add(Throwable error) {
        count.increment();
        byType.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
        first.compareAndSet(null, String.valueOf(error));
    }

    long count() {
        return count.sum();
    }

    /** Failures by exception type, sorted by name. */
    Map<String, Long> byType() {
        Map<String, Long> types = new TreeMap<>();
        byType.forEach((type, n) -> types.put(type, n.sum()));
        return types;
    }

    /** The first failure, or null. */
    String first() {
        return first.get();
    }
}
