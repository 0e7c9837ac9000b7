package io.windbell.loadgen.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Pairs the alerts a run measured with the work orders they became: per alert id, when it was sent and when its
 * {@code workorder.created} (matched by {@code workOrder.sourceAlertId}) was received, both {@link System#nanoTime()}
 * of this process. An answer later than {@code giveUp} counts as never answered, not as a latency.
 */
final class AlertAnswers {

    /**
     * @param measured
     *            alerts sent after the warm-up
     * @param matched
     *            of those, answered within {@code giveUp}
     * @param unanswered
     *            of those, not answered within {@code giveUp} ({@code late} of them answered afterwards)
     * @param latencyMs
     *            p50, p90, p99 and max of receive time minus send time of the matched ones, nearest rank, in ms
     */
    record Result(long measured, long matched, long unanswered, long late, Map<String, Double> latencyMs) {

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("measured", measured);
            m.put("matched", matched);
            m.put("unanswered", unanswered);
            m.put("late", late);
            m.put("latencyMs", latencyMs);
            return m;
        }
    }

    private AlertAnswers() {
    }

    /**
     * @param sentNanos
     *            alert id -> send time, for the measured alerts only
     * @param answeredNanos
     *            source alert id -> receive time of its first {@code workorder.created} (warm-up ones may be in it)
     */
    static Result of(Map<UUID, Long> sentNanos, Map<UUID, Long> answeredNanos, Duration giveUp) {
        long[] latencies = new long[sentNanos.size()];
        int matched = 0;
        long late = 0;
        for (Map.Entry<UUID, Long> sent : sentNanos.entrySet()) {
            Long answered = answeredNanos.get(sent.getKey());
            if (answered == null) {
                continue;
            }
            long latency = Math.max(0, answered - sent.getValue());
            if (latency > giveUp.toNanos()) {
                late++;
            } else {
                latencies[matched++] = latency;
            }
        }
        long[] sorted = Arrays.copyOf(latencies, matched);
        Arrays.sort(sorted);
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("p50", percentileMs(sorted, 50));
        ms.put("p90", percentileMs(sorted, 90));
        ms.put("p99", percentileMs(sorted, 99));
        ms.put("max", percentileMs(sorted, 100));
        return new Result(sentNanos.size(), matched, sentNanos.size() - matched, late, ms);
    }

    /** Nearest rank: the smallest value with at least {@code p}% of the values at or below it; 0 without values. */
    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0.0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        long nanos = sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)];
        return PayloadSender.round(nanos / 1e6, 3);
    }

    /** How many of the measured alerts have an answer so far (of any age). */
    static long answered(Map<UUID, Long> sentNanos, Map<UUID, Long> answeredNanos) {
        return sentNanos.keySet().stream().filter(answeredNanos::containsKey).count();
    }
}
