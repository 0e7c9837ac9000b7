package io.windbell.loadgen.bench;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result files of a bench run ({@code .bench/results/*.json}) by name without {@code .json}: bench.py's {@code R}
 * in {@code cmd_report}. A file that is not JSON is left out (as {@code json.load}'s ValueError is); a file holding
 * {@code null} is present with the value None, so {@code R.get(name, {})} is None for it and a {@code .get} on it fails
 * as in Python. Also the run's meta ({@code machine.json}), its targets and {@code res(step)}. Files are taken in the
 * directory's order, as Python's glob takes them (both read the directory with readdir): it decides between start-up
 * records of the same order and journey-replicas rows of the same label.
 */
final class Results {

    private final Map<String, JsonNode> files;

    Results(Map<String, JsonNode> files) {
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Reads the {@code *.json} files of DIR (none when DIR does not exist, like glob). */
    static Results load(Path dir) throws IOException {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return new Results(files);
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(dir)) {
            paths = new ArrayList<>(list.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".json") && !name.startsWith(".");
            }).toList());
        }
        for (Path p : paths) {
            String name = p.getFileName().toString();
            try {
                byte[] bytes = Files.readAllBytes(p);
                boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                        && (bytes[2] & 0xff) == 0xbf; // json.load refuses a UTF-8 BOM
                JsonNode value = bom ? null : PyJson.MAPPER.readTree(bytes);
                if (value != null && !value.isMissingNode()) {
                    files.put(name.substring(0, name.length() - ".json".length()), value);
                }
            } catch (JacksonException | CharConversionException notJson) {
                // json.load's ValueError: left out
            }
        }
        return new Results(files);
    }

    /** {@code name in R}. */
    boolean has(String name) {
        return files.containsKey(name);
    }

    /** {@code R.get(name)} (and {@code R[name]} of a present one). */
    JsonNode get(String name) {
        return ReportJson.orNull(files.get(name));
    }

    /** {@code R.get(name, {})}: None for a file holding null. */
    JsonNode getOrEmpty(String name) {
        return files.containsKey(name) ? ReportJson.orNull(files.get(name)) : ReportJson.EMPTY;
    }

    /** The files in order (values may be null). */
    List<Map.Entry<String, JsonNode>> entries() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        files.forEach((k, v) -> out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, ReportJson.orNull(v))));
        return out;
    }

    /** {@code res(step)}: {@code (R.get(step) or {}).get("result") or {}}. */
    JsonNode result(String step) {
        return ReportJson.orEmpty(ReportJson.at(get(step), "result"));
    }

    /** {@code meta = R.get("machine", {})}. */
    JsonNode meta() {
        return getOrEmpty("machine");
    }

    /** {@code t = meta.get("targets", {})}. */
    JsonNode targets() {
        return ReportJson.getOr(meta(), "targets", ReportJson.EMPTY);
    }

    /** {@code meta.get("steps", [])}. */
    List<String> steps() {
        JsonNode steps = ReportJson.getOr(meta(), "steps", PyJson.MAPPER.createArrayNode());
        return ReportJson.strings(steps);
    }
}
