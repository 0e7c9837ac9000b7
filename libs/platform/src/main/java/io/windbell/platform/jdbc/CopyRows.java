package io.windbell.platform.jdbc;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL {@code COPY … FROM STDIN (FORMAT csv)}, on the caller's transaction: the bulk path for
 * append-only tables (outbox, timelines), several times cheaper for the server than batched {@code INSERT}s. Values are
 * written as quoted CSV fields, {@code null} as an unquoted empty field (SQL NULL).
 */
public final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder csv = new StringBuilder(64 * 1024);
    private boolean rowStarted;
    private int rows;

    /** A text, number, boolean, UUID, timestamp or JSON value: its {@code toString()} is what PostgreSQL parses. */
    public CopyRows add(Object value) {
        separate();
        if (value != null) {
            String text = value.toString();
            csv.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    csv.append('"');
                }
                csv.append(c);
            }
            csv.append('"');
        }
        return this;
    }

    /** A {@code bytea} value, in PostgreSQL's hex input form. */
    public CopyRows addBytes(byte[] value) {
        separate();
        if (value != null) {
            csv.append("\\x").append(HEX.formatHex(value));
        }
        return this;
    }

    public CopyRows endRow() {
        csv.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /**
     * Copies the rows into {@code table (columns)}.
     *
     * @return the number of rows PostgreSQL reports copied
     */
    public long copyInto(Connection connection, String table, String columns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", "08006", e);
        }
    }

    private void separate() {
        if (rowStarted) {
            csv.append(',');
        }
        rowStarted = true;
    }
}
