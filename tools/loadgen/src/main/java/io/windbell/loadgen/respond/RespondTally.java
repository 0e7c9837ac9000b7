package io.windbell.loadgen.respond;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the responder did, counted from the consumer thread and the answering threads: invitations seen, answered and
 * skipped (the customer chose not to answer), errors by request and status ({@code "POST 410"}, {@code "GET io"}).
 */
public final class RespondTally {

    final LongAdder invited = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder otherEvents = new LongAdder();
    final LongAdder unreadable = new LongAdder();
    final AtomicLong pending = new AtomicLong();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<Sentiment, LongAdder> sentiments = new ConcurrentHashMap<>();

    void error(String what) {
        errors.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    void answered(Sentiment sentiment) {
        answered.increment();
        sentiments.computeIfAbsent(sentiment, k -> new LongAdder()).increment();
    }

    public long invited() {
        return invited.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    public long answered() {
        return answered.sum();
    }

    /** Answers scheduled or under way. */
    public long pending() {
        return pending.get();
    }

    /** Records of other types on the topic ({@code survey.responded}, {@code survey.expired}). */
    public long otherEvents() {
        return otherEvents.sum();
    }

    /** {@code survey.invited} records whose payload could not be read. */
    public long unreadable() {
        return unreadable.sum();
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Errors by request and status, sorted. */
    public Map<String, Long> errors() {
        Map<String, Long> copy = new TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Answered surveys by the customer's sentiment (promoters, passives, detractors). */
    public Map<String, Long> sentiments() {
        Map<String, Long> copy = new TreeMap<>();
        sentiments.forEach((k, v) -> copy.put(k.name().toLowerCase(java.util.Locale.ROOT), v.sum()));
        return copy;
    }
}
