package io.windbell.scoring.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one batched statement as one array per column, bound as the parameters of
 * {@code unnest(?::text[], ?::date[], …)}: a whole batch of rows in a single statement execution and round trip,
 * whatever its size. Texts, dates and {@code bigint[]} cells travel as text (cast in the SQL), numbers as {@code int8},
 * sketches as {@code bytea}.
 */
final class ColumnArrays {

    /** How one column is bound. */
    enum Kind {
        TEXT("text"), LONG("int8"), BYTES("bytea");

        private final String sqlType;

        Kind(String sqlType) {
            this.sqlType = sqlType;
        }
    }

    private final Kind[] kinds;
    private final List<List<Object>> columns = new ArrayList<>();
    private int rows;

    ColumnArrays(Kind... kinds) {
        this.kinds = kinds.clone();
        for (int i = 0; i < kinds.length; i++) {
            columns.add(new ArrayList<>());
        }
    }

    /** Adds one row; texts may be given as any object (its {@code toString()}, e.g. a date or a counts array). */
    ColumnArrays row(Object... values) {
        if (values.length != kinds.length) {
            throw new IllegalArgumentException(kinds.length + " columns, " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            columns.get(i).add(kinds[i] == Kind.TEXT && value != null ? value.toString() : value);
        }
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** Binds the columns as parameters {@code 1..n} of {@code statement}. */
    void bind(Connection connection, PreparedStatement statement) throws SQLException {
        for (int i = 0; i < kinds.length; i++) {
            Object[] values = kinds[i] == Kind.BYTES ? columns.get(i).toArray(new byte[0][]) : columns.get(i).toArray();
            statement.setArray(i + 1, connection.createArrayOf(kinds[i].sqlType, values));
        }
    }

    /** A {@code bigint[]} literal ({@code {1,0,3}}), bound as text and cast in the SQL. */
    static String arrayLiteral(long[] cells) {
        StringBuilder literal = new StringBuilder(cells.length * 3 + 2).append('{');
        for (int k = 0; k < cells.length; k++) {
            if (k > 0) {
                literal.append(',');
            }
            literal.append(cells[k]);
        }
        return literal.append('}').toString();
    }
}
