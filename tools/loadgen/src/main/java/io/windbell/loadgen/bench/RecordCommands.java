package io.windbell.loadgen.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result files bench.sh writes between its steps, and the figures it reads back from them (what its inline Python
 * did before): {@code field}, {@code record}, {@code set}.
 */
final class RecordCommands {

    /** Result files are written as Jackson's default pretty printer writes them (as before, not Python's indent). */
    private static final ObjectWriter WRITER = PyJson.MAPPER.writerWithDefaultPrettyPrinter();

    private RecordCommands() {
    }

    static Map<String, BenchCommand> all() {
        return Map.of("field", RecordCommands::field, "record", RecordCommands::record, "set", RecordCommands::set);
    }

    /**
     * {@code field [--json] [--doc] FILE|- PATH}: one value of a step's result file (its {@code result} object; the
     * whole document with {@code --doc}), by a dotted path matched longest key first (the kit names its counters
     * {@code touchpoints.applied}). Prints nothing for a missing file, key or null; text as is; anything else as JSON
     * ({@code true}, {@code 12.5}, an object). With {@code --json} always JSON ({@code null} when absent).
     */
    static int field(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = args;
        boolean json = !rest.isEmpty() && rest.get(0).equals("--json");
        rest = json ? rest.subList(1, rest.size()) : rest;
        boolean doc = !rest.isEmpty() && rest.get(0).equals("--doc");
        rest = doc ? rest.subList(1, rest.size()) : rest;
        if (rest.size() != 2) {
            throw new IllegalArgumentException("field [--json] [--doc] FILE|- PATH");
        }
        JsonNode root = read(rest.get(0));
        JsonNode value = lookup(doc ? root : root.path("result"), rest.get(1));
        boolean absent = value.isMissingNode() || value.isNull();
        out.println(json ? (absent ? "null" : value.toString())
                : absent ? "" : value.isTextual() ? value.asText() : value.toString());
        return 0;
    }

    /** The value at a dotted path, the longest key first at each level; a missing node when there is none. */
    static JsonNode lookup(JsonNode node, String path) {
        String[] parts = path.split("\\.");
        int i = 0;
        while (i < parts.length) {
            if (!node.isObject()) {
                return PyJson.NODES.missingNode();
            }
            int next = -1;
            for (int j = parts.length; j > i; j--) {
                if (node.has(String.join(".", List.of(parts).subList(i, j)))) {
                    next = j;
                    break;
                }
            }
            if (next < 0) {
                return PyJson.NODES.missingNode();
            }
            node = node.get(String.join(".", List.of(parts).subList(i, next)));
            i = next;
        }
        return node;
    }

    /**
     * {@code record OUT STEP FIELD...}: writes {@code {"step": STEP, ...}} to OUT, each FIELD typed by its operator:
     * {@code name=text}; {@code name:=json} (empty or not JSON: null); {@code name#=number} (empty: null);
     * {@code name@kb=KB} a VmRSS in kB as MB, one decimal (0 or empty: null); {@code name@us=MICROS} as seconds, two
     * decimals; {@code name@pairs=k=v k=v} as an object of integers (psql's {@code -F '='} rows);
     * {@code name@checks=JSON} the data of a readiness document's checks, merged into one object ({} if not JSON).
     */
    static int record(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.size() < 2) {
            throw new IllegalArgumentException("record OUT STEP FIELD...");
        }
        ObjectNode doc = PyJson.NODES.objectNode();
        doc.put("step", args.get(1));
        for (String field : args.subList(2, args.size())) {
            Field f = Field.parse(field);
            doc.set(f.name(), f.value());
        }
        WRITER.writeValue(Path.of(args.get(0)).toFile(), doc);
        return 0;
    }

    /** {@code set FILE name=text}: sets one text field at the top of a result file (a failed check's reason). */
    static int set(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.size() != 2 || args.get(1).indexOf('=') < 1) {
            throw new IllegalArgumentException("set FILE name=text");
        }
        ObjectNode doc = (ObjectNode) read(args.get(0));
        int eq = args.get(1).indexOf('=');
        doc.put(args.get(1).substring(0, eq), args.get(1).substring(eq + 1));
        WRITER.writeValue(Path.of(args.get(0)).toFile(), doc);
        return 0;
    }

    /** One {@code name<op>value} argument of {@code record}. */
    record Field(String name, String op, String raw) {

        private static final List<String> OPS = List.of("@checks=", "@pairs=", "@kb=", "@us=", ":=", "#=", "=");

        static Field parse(String arg) {
            for (int i = 1; i < arg.length(); i++) {
                for (String op : OPS) {
                    if (arg.startsWith(op, i)) {
                        return new Field(arg.substring(0, i), op, arg.substring(i + op.length()));
                    }
                }
            }
            throw new IllegalArgumentException("not a field (name=value, name:=json, ...): " + arg);
        }

        JsonNode value() {
            return switch (op) {
            case "=" -> PyJson.NODES.textNode(raw);
            case ":=" -> parseOrNull(raw);
            case "#=" -> raw.isBlank() ? NullNode.instance : number(raw);
            case "@kb=" -> raw.isBlank() || Long.parseLong(raw.trim()) == 0 ? NullNode.instance
                    : PyJson.NODES.numberNode(PyJson.round(Long.parseLong(raw.trim()) / 1024.0, 1));
            case "@us=" -> PyJson.NODES.numberNode(PyJson.round(Long.parseLong(raw.trim()) / 1e6, 2));
            case "@pairs=" -> pairs(raw);
            case "@checks=" -> checks(raw);
            default -> throw new IllegalStateException(op);
            };
        }

        private static JsonNode number(String raw) {
            String t = raw.trim();
            return t.matches("-?\\d+") ? PyJson.NODES.numberNode(Long.parseLong(t))
                    : PyJson.NODES.numberNode(Double.parseDouble(t));
        }

        private static ObjectNode pairs(String raw) {
            ObjectNode o = PyJson.NODES.objectNode();
            for (String p : raw.trim().split("\\s+")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    o.put(p.substring(0, eq), Long.parseLong(p.substring(eq + 1)));
                }
            }
            return o;
        }

        private static ObjectNode checks(String raw) {
            ObjectNode merged = PyJson.NODES.objectNode();
            for (JsonNode check : parseOrNull(raw).path("checks")) {
                if (check.path("data").isObject()) {
                    merged.setAll((ObjectNode) check.get("data"));
                }
            }
            return merged;
        }
    }

    static JsonNode parseOrNull(String text) {
        try {
            return text == null || text.isBlank() ? NullNode.instance : PyJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return NullNode.instance;
        }
    }

    /** A JSON file, or stdin for {@code -}; a missing or unreadable file reads as an empty object. */
    static JsonNode read(String file) {
        try {
            if (file.equals("-")) {
                try (InputStream in = System.in) {
                    return orEmpty(PyJson.MAPPER.readTree(in));
                }
            }
            Path p = Path.of(file);
            return Files.isRegularFile(p) && Files.size(p) > 0 ? orEmpty(PyJson.MAPPER.readTree(p.toFile()))
                    : PyJson.NODES.objectNode();
        } catch (IOException e) {
            return PyJson.NODES.objectNode();
        }
    }

    private static JsonNode orEmpty(JsonNode n) {
        return n == null || n.isMissingNode() ? PyJson.NODES.objectNode() : n;
    }
}
