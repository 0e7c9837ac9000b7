package io.windbell.workorder.directory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.Text;
import io.windbell.platform.problem.Violation;

/**
 * Reads an import body, {@code text/csv} (a header line, then one row per record) or {@code application/json} (an array
 * of objects with the same field names), into {@link ImportRow}s of text, so one validation serves both. What does not
 * even parse (bad UTF-8, broken quoting, an unknown column, a value of the wrong JSON type) is a violation naming the
 * row and field; nothing is guessed.
 */
public final class ImportReader {

    public static final String CSV = "text/csv";
    public static final String JSON = "application/json";

    /** The rows read, and every violation met while reading (the rows are not to be used when there are any). */
    public record Rows(List<ImportRow> rows, List<Violation> violations) {
    }

    private final ObjectMapper mapper;

    /**
     * @param mapper
     *            the strict request mapper (duplicate keys refused)
     */
    public ImportReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param mediaType
     *            {@link #CSV} or {@link #JSON}, without parameters
     */
    public Rows read(ImportLayout layout, String mediaType, byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return failed(new Violation("$", "the body is not UTF-8 text"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSV.equals(mediaType) ? csv(layout, text) : json(layout, text);
    }

    private static Rows csv(ImportLayout layout, String text) {
        Csv.Parsed parsed = Csv.parse(text);
        if (parsed.brokenAt() > 0) {
            return failed(new Violation("line[" + parsed.brokenAt() + "]",
                    "broken quoting: a quote must open a field and close it, and \"\" stands for a quote"));
        }
        if (parsed.records().isEmpty()) {
            return failed(new Violation("line[1]", "the header line is missing: " + layout.headerNames()));
        }
        List<Violation> violations = new ArrayList<>();
        Csv.Record header = parsed.records().getFirst();
        String headerLabel = "line[" + header.line() + "]";
        List<String> columns = header.fields().stream().map(String::trim).toList();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!layout.names().contains(column)) {
                violations.add(new Violation(headerLabel,
                        "unknown column '" + printable(column) + "'; the columns are " + layout.headerNames()));
            } else if (!seen.add(column)) {
                violations.add(new Violation(headerLabel, "column " + column + " appears twice"));
            }
        }
        for (String required : layout.headerNames()) {
            if (!seen.contains(required)) {
                violations.add(new Violation(headerLabel, "column " + required + " is missing"));
            }
        }
        if (!violations.isEmpty()) {
            return new Rows(List.of(), violations);
        }
        List<ImportRow> rows = new ArrayList<>();
        for (Csv.Record record : parsed.records().subList(1, parsed.records().size())) {
            String label = "line[" + record.line() + "]";
            if (record.fields().size() != columns.size()) {
                violations.add(new Violation(label,
                        "has " + record.fields().size() + " fields, the header has " + columns.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), text(record.fields().get(i), label + "." + columns.get(i), violations));
            }
            rows.add(new ImportRow(label, record.line(), values));
        }
        return new Rows(rows, violations);
    }

    private Rows json(ImportLayout layout, String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            return failed(new Violation("$", "not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")));
        }
        if (root == null || !root.isArray()) {
            return failed(new Violation("$", "must be an array of objects"));
        }
        List<Violation> violations = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        for (int index = 0; index < root.size(); index++) {
            String label = "$[" + index + "]";
            JsonNode item = root.get(index);
            if (!item.isObject()) {
                violations.add(new Violation(label, "must be an object"));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                ImportLayout.Column column = layout.column(field.getKey());
                String name = label + "." + printable(field.getKey());
                if (column == null) {
                    violations.add(new Violation(name, "unknown field; the fields are " + layout.headerNames()));
                } else {
                    values.put(column.name(), value(column.kind(), field.getValue(), name, violations));
                }
            }
            rows.add(new ImportRow(label, index, values));
        }
        return new Rows(rows, violations);
    }

    /** The JSON value as the text a CSV cell would hold, or a violation when its JSON type is not the column's. */
    private static String value(ImportLayout.Kind kind, JsonNode node, String field, List<Violation> violations) {
        if (node.isNull()) {
            return null;
        }
        String wrong = switch (kind) {
        case TEXT -> node.isTextual() ? null : "must be a string";
        case INTEGER -> node.isIntegralNumber() && node.canConvertToInt() ? null : "must be an integer";
        case BOOLEAN -> node.isBoolean() ? null : "must be true or false";
        case LIST -> node.isTextual() || (node.isArray() && allText(node)) ? null
                : "must be an array of strings (or one string separated by ;)";
        };
        if (wrong != null) {
            violations.add(new Violation(field, wrong));
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            if (items.stream().anyMatch(item -> item.contains(";"))) {
                violations.add(new Violation(field, "an item must not contain ;"));
                return null;
            }
            return text(String.join(";", items), field, violations);
        }
        return text(node.asText(), field, violations);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Trimmed, {@code null} when empty; a violation when {@link Text} refuses it. */
    private static String text(String value, String field, List<Violation> violations) {
        if (!Text.isAcceptable(value)) {
            violations.add(new Violation(field, Text.RULE));
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A column name as a problem may repeat it: the refused characters of a hostile name are not echoed. */
    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return Text.isAcceptable(shown) ? shown : "(a name with refused characters)";
    }

    private static Rows failed(Violation violation) {
        return new Rows(List.of(), List.of(violation));
    }
}
