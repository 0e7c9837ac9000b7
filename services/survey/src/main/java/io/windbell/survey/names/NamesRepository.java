package io.windbell.survey.names;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.platform.jdbc.Transactions;

/** Display names in table {@code display_name}, one row per kind, code and locale. */
@ApplicationScoped
public class NamesRepository {

    private final DataSource dataSource;

    NamesRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The names of one code in every locale stored, and when they last changed. */
    public record Entry(Names.Kind kind, String code, Map<String, String> names, Instant updatedAt) {
        public Entry {
            names = java.util.Collections.unmodifiableMap(new TreeMap<>(names));
        }
    }

    /** Every name, for the in-memory catalog. */
    public DisplayNames all() {
        DisplayNames.Builder builder = new DisplayNames.Builder();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT kind, code, locale, name FROM display_name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Names.Kind kind = kind(rs.getString(1));
                if (kind != null) {
                    builder.put(kind, rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading display names failed: " + e.getMessage(), e);
        }
        return builder.build();
    }

    /**
     * Up to {@code limit} codes after {@code (afterKind, afterCode)}, by kind then code; {@code kind} restricts to one
     * kind. Kinds sort by name, as the column does.
     */
    public List<Entry> list(Names.Kind kind, String afterKind, String afterCode, int limit) {
        StringBuilder sql = new StringBuilder("WITH codes AS (SELECT kind, code FROM display_name WHERE true");
        List<String> args = new ArrayList<>();
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind.name());
        }
        if (afterKind != null) {
            sql.append(" AND (kind COLLATE \"C\" > ? OR (kind = ? AND code COLLATE \"C\" > ?))");
            args.add(afterKind);
            args.add(afterKind);
            args.add(afterCode);
        }
        sql.append(" GROUP BY kind, code ORDER BY kind COLLATE \"C\", code COLLATE \"C\" LIMIT ").append(limit)
                .append(")").append(" SELECT d.kind, d.code, d.locale, d.name, d.updated_at FROM display_name d")
                .append(" JOIN codes USING (kind, code) ORDER BY d.kind COLLATE \"C\", d.code COLLATE \"C\", d.locale");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return entries(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading display names failed: " + e.getMessage(), e);
        }
    }

    /** The names of one code; empty when it has none. */
    public Optional<Entry> find(Names.Kind kind, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, code, locale, name, updated_at FROM display_name WHERE kind = ? AND code = ?")) {
            ps.setString(1, kind.name());
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return entries(rs).stream().findFirst();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading display names failed: " + e.getMessage(), e);
        }
    }

    /** Replaces the names of one code: exactly the locales given remain. */
    public Entry save(Names.Kind kind, String code, Map<String, String> names) {
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM display_name WHERE kind = ? AND code = ? AND NOT (locale = ANY (?))")) {
                    delete.setString(1, kind.name());
                    delete.setString(2, code);
                    delete.setArray(3, c.createArrayOf("text", names.keySet().toArray()));
                    delete.executeUpdate();
                }
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO display_name (kind, code, locale, name, updated_at) VALUES (?, ?, ?, ?, now())
                        ON CONFLICT (kind, code, locale) DO UPDATE SET name = excluded.name, updated_at = now()""")) {
                    for (Map.Entry<String, String> name : names.entrySet()) {
                        upsert.setString(1, kind.name());
                        upsert.setString(2, code);
                        upsert.setString(3, name.getKey());
                        upsert.setString(4, name.getValue());
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("saving display names failed: " + e.getMessage(), e);
        }
        return find(kind, code).orElseThrow();
    }

    private static List<Entry> entries(ResultSet rs) throws SQLException {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        while (rs.next()) {
            Names.Kind kind = kind(rs.getString(1));
            if (kind == null) {
                continue;
            }
            String code = rs.getString(2);
            String key = kind + "\u001f" + code;
            names.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getString(4));
            Timestamp updated = rs.getTimestamp(5);
            Instant at = updated == null ? null : updated.toInstant();
            Entry previous = byKey.get(key);
            Instant latest = previous == null || (at != null && at.isAfter(previous.updatedAt())) ? at
                    : previous.updatedAt();
            byKey.put(key, new Entry(kind, code, Map.of(), latest));
        }
        List<Entry> out = new ArrayList<>();
        byKey.forEach((key, e) -> out.add(new Entry(e.kind(), e.code(), names.get(key), e.updatedAt())));
        return out;
    }

    private static Names.Kind kind(String value) {
        try {
            return Names.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null; // a kind a newer release added: not ours to show
        }
    }
}
