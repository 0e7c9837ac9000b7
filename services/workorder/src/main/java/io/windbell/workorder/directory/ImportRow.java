package io.windbell.workorder.directory;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One row of an import, CSV or JSON alike: its values by column as text (trimmed; {@code null} when empty), and how a
 * problem names it: {@code line[3]} (the CSV line, header = 1) or {@code $[3]} (the JSON array index).
 *
 * @param values
 *            holds a column only when the row has it (a CSV header column, a JSON field present, even as null), so an
 *            optional column left out keeps its stored value
 */
public record ImportRow(String label, int number, Map<String, String> values) {

    public ImportRow {
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    public String get(String column) {
        return values.get(column);
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** The problem field naming {@code column} of this row, e.g. {@code line[3].employeeId}. */
    public String field(String column) {
        return label + "." + column;
    }
}
