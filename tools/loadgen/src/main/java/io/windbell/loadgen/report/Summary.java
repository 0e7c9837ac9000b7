package io.windbell.loadgen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.engine.Recorder;
import io.windbell.loadgen.engine.Runner;

/**
 * The one-line JSON summary of a run that scripts parse. Counts cover the measured window only (warmup excluded):
 * {@code events} are those in requests answered 2xx, {@code errors} are requests answered otherwise or not at all.
 */
public final class Summary {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Summary() {
    }

    public static Map<String, Object> of(Settings settings, Recorder recorder, Runner runner,
            Map<String, Long> journeys) {
        double seconds = recorder.durationSeconds();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", settings.command().label());
        json.put("kind", settings.kind().label());
        json.put("targetRate", settings.rate() > 0 ? settings.rate() : null);
        json.put("requests", recorder.requests());
        json.put("events", recorder.events());
        json.put("durationS", round(seconds, 3));
        json.put("requestsPerS", round(seconds > 0 ? recorder.requests() / seconds : 0, 1));
        json.put("eventsPerS", round(seconds > 0 ? recorder.events() / seconds : 0, 1));
        Map<String, Long> status = new LinkedHashMap<>();
        recorder.statuses().forEach((code, n) -> status.put(Integer.toString(code), n));
        json.put("status", status);
        json.put("errors", recorder.errors());
        json.put("latencyMs", latency(recorder.latencyMicros()));
        json.put("latencySplitMs", Map.of("waitToSend", latency(recorder.waitMicros()), "inFlight",
                latency(recorder.answerMicros()), "freshConnection", latency(recorder.freshConnectionMicros())));
        json.put("freshConnections", recorder.freshConnectionMicros().getTotalCount());
        json.put("tickGapMs", latency(recorder.tickGapMicros()));
        json.put("backlogAtWindowStart", recorder.backlogAtWindowStart());
        json.put("slowSeconds", slowSeconds(recorder));
        json.put("ioErrors", recorder.ioErrors());
        json.put("ioErrorTypes", recorder.ioFailures());
        json.put("unfinished", runner.unfinished());
        json.put("connections", settings.connections());
        json.put("batchSize", settings.batchSize());
        json.put("warmupS", settings.warmup().toMillis() / 1000.0);
        json.put("seed", settings.seed());
        if (journeys != null) {
            json.put("journeys", journeys);
        }
        return json;
    }

    /**
     * The seconds of the window with requests over 100 ms: when the tail happened, and whether it is spread or bunched.
     */
    static List<Map<String, Object>> slowSeconds(Recorder recorder) {
        List<Map<String, Object>> slow = new ArrayList<>();
        recorder.seconds().forEach((second, stats) -> {
            if (stats.slow() > 0) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("second", second);
                row.put("requests", stats.requests());
                row.put("over100ms", stats.slow());
                row.put("maxMs", round(stats.maxMicros() / 1000.0, 1));
                slow.add(row);
            }
        });
        return slow;
    }

    static Map<String, Double> latency(Histogram micros) {
        Map<String, Double> latency = new LinkedHashMap<>();
        boolean empty = micros.getTotalCount() == 0;
        latency.put("p50", millis(micros, empty, 50));
        latency.put("p90", millis(micros, empty, 90));
        latency.put("p99", millis(micros, empty, 99));
        latency.put("p999", millis(micros, empty, 99.9));
        latency.put("max", empty ? 0.0 : round(micros.getMaxValue() / 1000.0, 3));
        return latency;
    }

    private static double millis(Histogram micros, boolean empty, double percentile) {
        return empty ? 0.0 : round(micros.getValueAtPercentile(percentile) / 1000.0, 3);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** One line of JSON. */
    public static String line(Map<String, Object> json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
