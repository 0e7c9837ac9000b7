package io.windbell.loadgen.bench;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step's result file ({@code results/NAME.json}): the step, the command as shown, its exit code, wall seconds, the
 * parsed result and the resources (null when their file is missing, empty or not JSON). Replaces bench.py's
 * {@code cmd_step_json}; {@link #json()} is what it prints ({@code indent=2}).
 */
record StepRecord(String step, String command, int exitCode, double wallS, JsonNode result, JsonNode resources) {

    /** From the files as {@code step-json} reads them. */
    static StepRecord of(String step, String command, int exitCode, double wallS, Path resultFile, Path resourcesFile) {
        return new StepRecord(step, command, exitCode, wallS, PyJson.load(resultFile), PyJson.load(resourcesFile));
    }

    ObjectNode toNode() {
        ObjectNode node = PyJson.object();
        node.put("step", step);
        node.put("command", command);
        node.put("exitCode", exitCode);
        node.put("wallS", wallS);
        node.set("result", result);
        node.set("resources", resources);
        return node;
    }

    /** The file's text, as {@code json.dumps(..., indent=2)} (no final newline; print adds one). */
    String json() {
        return PyJson.dumpsIndented(toNode());
    }
}
