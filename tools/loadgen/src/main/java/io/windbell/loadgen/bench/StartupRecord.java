package io.windbell.loadgen.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One service's start-up record of the startup step, without and with the JDK AOT cache
 * ({@code startup-<service>.json}): bench.py's {@code cmd_startup_json}, {@code startup_record}, {@code parse_runs} and
 * {@code median}. The file is written as Python's {@code json.dump(rec, f, indent=2)} writes it.
 */
final class StartupRecord {

    static final String NOTE = "launch to the first 200 from /q/health/ready (management port, polled every 0.05 s); "
            + "RSS = VmRSS 3 s after ready; medians of the runs; runs without and with the cache alternate";

    private StartupRecord() {
    }

    /** One start: launch to ready, and the idle RSS. */
    record Run(double readyS, double idleRssMb) {
    }

    /** {@code startup-json OUT SERVICE TRAINING_S CACHE_BYTES NO_CACHE_RUNS CACHE_RUNS [ORDER]}. */
    static int command(List<String> args, java.io.PrintStream out, java.io.PrintStream err) throws IOException {
        if (args.size() < 6 || args.size() > 7) {
            err.println("usage: startup-json OUT SERVICE TRAINING_S CACHE_BYTES NO_CACHE_RUNS CACHE_RUNS [ORDER]");
            return 2;
        }
        ObjectNode rec;
        try {
            rec = record(args.get(1), args.get(2), args.get(3), args.get(4), args.get(5));
            rec.put("order", PyJson.pyInt(args.size() > 6 ? args.get(6) : "0"));
        } catch (NumberFormatException e) {
            err.println("startup-json: " + e.getMessage());
            return 1;
        }
        Files.writeString(Path.of(args.get(0)), PyJson.dumpsIndented(rec), StandardCharsets.UTF_8);
        return 0;
    }

    /** bench.py {@code startup_record}. */
    static ObjectNode record(String service, String trainingS, String cacheBytes, String noCache, String cache) {
        ObjectNode rec = PyJson.object();
        rec.put("step", "startup");
        rec.put("service", service);
        rec.set("noCache", summary(parseRuns(noCache)));
        rec.set("cache", summary(parseRuns(cache)));
        if (trainingS.isEmpty()) {
            rec.putNull("trainingS");
        } else {
            rec.put("trainingS", PyJson.pyFloat(trainingS));
        }
        BigInteger bytes = cacheBytes.isEmpty() ? BigInteger.ZERO : PyJson.pyInt(cacheBytes);
        if (bytes.signum() == 0) {
            rec.putNull("cacheMb");
        } else {
            rec.put("cacheMb", PyJson.round(bytes.doubleValue() / 1048576, 1));
        }
        rec.put("note", NOTE);
        return rec;
    }

    /** bench.py {@code parse_runs}: "ms:kb ms:kb ..." → the runs. */
    static List<Run> parseRuns(String text) {
        List<Run> runs = new ArrayList<>();
        for (String part : text.strip().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] msKb = part.split(":", -1);
            if (msKb.length != 2) {
                throw new NumberFormatException("not ms:kb: " + part);
            }
            runs.add(new Run(PyJson.round(PyJson.pyInt(msKb[0]).doubleValue() / 1000, 2),
                    PyJson.round(PyJson.pyInt(msKb[1]).doubleValue() / 1024, 1)));
        }
        return runs;
    }

    /** bench.py {@code median}: the middle value, the mean of the two middle ones, or null for none. */
    static Double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        if (v.isEmpty()) {
            return null;
        }
        int m = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
    }

    private static ObjectNode summary(List<Run> runs) {
        ObjectNode s = PyJson.object();
        ArrayNode list = s.putArray("runs");
        runs.forEach(r -> list.addObject().put("readyS", r.readyS()).put("idleRssMb", r.idleRssMb()));
        putNullable(s, "readyS", median(runs.stream().map(Run::readyS).toList()));
        putNullable(s, "idleRssMb", median(runs.stream().map(Run::idleRssMb).toList()));
        return s;
    }

    private static void putNullable(ObjectNode o, String key, Double value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
