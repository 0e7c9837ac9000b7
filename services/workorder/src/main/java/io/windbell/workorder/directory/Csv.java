package io.windbell.workorder.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: comma-separated fields, double quotes around a field that holds commas, quotes ({@code ""}) or
 * line breaks, CRLF or LF line ends. Each record keeps the line it starts on (the header is line 1), which is how an
 * import names a bad row. Blank lines are skipped; their line numbers still count.
 */
public final class Csv {

    /** One record and the line it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** The records of a text, or the line where its quoting broke ({@code brokenAt} > 0, the records up to it). */
    public record Parsed(List<Record> records, int brokenAt) {
    }

    private Csv() {
    }

    public static Parsed parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"' || (wasQuoted && c != ',' && c != '\r' && c != '\n')) {
                // a quote inside an unquoted field, or text after a closing quote: not RFC 4180
                return new Parsed(records, recordLine);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(records, fields, field, wasQuoted, recordLine);
                fields = new ArrayList<>();
                wasQuoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            return new Parsed(records, recordLine);
        }
        end(records, fields, field, wasQuoted, recordLine);
        return new Parsed(records, 0);
    }

    private static void end(List<Record> records, List<String> fields, StringBuilder field, boolean wasQuoted,
            int line) {
        if (fields.isEmpty() && field.isEmpty() && !wasQuoted) {
            return;
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(new Record(line, List.copyOf(fields)));
    }
}
