package io.windbell.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.windbell.contracts.EventJson;
import io.windbell.platform.jdbc.Transactions;

/**
 * Versioned configuration rows ({@code journey_definition}, {@code question}, {@code survey_rule}) with plain JDBC: the
 * key and version are columns, the rest is the {@code spec} jsonb document. A change never edits a version: it adds the
 * next one and deactivates the previous one in the same transaction, guarded by the caller's expected version. Retiring
 * adds one more version, inactive, so that who retired what and when stays on record. At most the newest version of a
 * key is active.
 * <p>
 * The table needs the columns {@code <key>, version, active, spec jsonb, created_at DEFAULT now(), created_by} and the
 * primary key {@code (<key>, version)}; the primary key is what makes exactly one of two concurrent writers win.
 *
 * @param <T>
 *            the domain record of one version
 */
public final class VersionedStore<T> {

    /** PostgreSQL's unique_violation: a concurrent writer took the version number. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The spec column's JSON settings: the contracts' (ISO-8601 durations and instants, no nulls, tolerant reader so a
     * replica on the previous release still reads what a newer one wrote), on a mapper of its own.
     */
    public static final ObjectMapper JSON = EventJson.configure(new JsonMapper());

    /** Turns a domain record into its spec document and back. */
    public interface Codec<T> {
        String key(T value);

        /** The spec document: everything but key, version and active. */
        Object spec(T value);

        /** The domain record of one stored row. */
        T read(String key, int version, boolean active, String specJson) throws IOException;

        /** The spec document as the {@code spec} column holds it. */
        default String json(T value) {
            try {
                return JSON.writeValueAsString(spec(value));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The usual codec: the spec is a record of type {@code S} that {@link #JSON} reads and writes.
         *
         * @param toSpec
         *            a domain record without its key, version and active flag
         * @param fromSpec
         *            the domain record of a key, version, active flag and spec
         */
        static <T, S> Codec<T> of(Class<S> specType, Function<T, String> key, Function<T, S> toSpec,
                FromSpec<S, T> fromSpec) {
            return new Codec<>() {
                @Override
                public String key(T value) {
                    return key.apply(value);
                }

                @Override
                public Object spec(T value) {
                    return toSpec.apply(value);
                }

                @Override
                public T read(String k, int version, boolean active, String specJson) throws IOException {
                    return fromSpec.read(k, version, active, JSON.readValue(specJson, specType));
                }
            };
        }
    }

    /** Builds the domain record of one version from its columns and its spec document. */
    @FunctionalInterface
    public interface FromSpec<S, T> {
        T read(String key, int version, boolean active, S spec);
    }

    /** One stored version and its bookkeeping. */
    public record Stored<T>(T value, String key, int version, boolean active, Instant createdAt, String createdBy) {
    }

    /** The key has an active version already (or a concurrent creation won). */
    public static final class DuplicateException extends RuntimeException {
        DuplicateException(String what, String key) {
            super(what + " " + key + " exists already", null, false, false);
        }
    }

    /** The caller's expected version is not the active one: someone changed or retired it meanwhile. */
    public static final class StaleVersionException extends RuntimeException {
        private final transient Integer activeVersion;

        StaleVersionException(String what, String key, int expected, Integer activeVersion) {
            super(what + " " + key + (activeVersion == null ? " is retired" : " is at version " + activeVersion)
                    + ", not " + expected, null, false, false);
            this.activeVersion = activeVersion;
        }

        /** The version that is active now, empty when retired. */
        public Optional<Integer> activeVersion() {
            return Optional.ofNullable(activeVersion);
        }
    }

    /** No version of the key is stored. */
    public static final class UnknownException extends RuntimeException {
        private final String key;

        UnknownException(String what, String key) {
            super(what + " " + key + " does not exist", null, false, false);
            this.key = key;
        }

        /** The key that has no version. */
        public String key() {
            return key;
        }
    }

    /** The database failed (not a rule of the configuration): the caller answers 5xx. */
    public static final class StoreException extends RuntimeException {
        StoreException(String what, SQLException cause) {
            super(what + " store failed: " + cause.getMessage(), cause);
        }
    }

    private final DataSource dataSource;
    private final String what;
    private final String table;
    private final String keyColumn;
    private final Codec<T> codec;
    private final String anonymousAuthor;
    private final String select;

    /**
     * A store that records a change without an author as {@code created_by} NULL.
     *
     * @param what
     *            how messages name a row, e.g. {@code question}
     * @param table
     *            the table, e.g. {@code question}
     * @param keyColumn
     *            the column of the key, e.g. {@code id}
     */
    public VersionedStore(DataSource dataSource, String what, String table, String keyColumn, Codec<T> codec) {
        this(dataSource, what, table, keyColumn, codec, null);
    }

    private VersionedStore(DataSource dataSource, String what, String table, String keyColumn, Codec<T> codec,
            String anonymousAuthor) {
        this.dataSource = dataSource;
        this.what = what;
        this.table = table;
        this.keyColumn = keyColumn;
        this.codec = codec;
        this.anonymousAuthor = anonymousAuthor;
        this.select = "SELECT " + keyColumn + ", version, active, spec::text, created_at, created_by FROM " + table;
    }

    /** The same store, recording a change without an author as {@code author}: for a NOT NULL {@code created_by}. */
    public VersionedStore<T> recordingAnonymousAs(String author) {
        return new VersionedStore<>(dataSource, what, table, keyColumn, codec, author);
    }

    /** How messages name a row, e.g. {@code question}. */
    public String what() {
        return what;
    }

    /** Every version of every key, by key then version. */
    public List<Stored<T>> all() {
        return query(select + " ORDER BY " + keyColumn + ", version", null);
    }

    /** Every version of every key, as the in-memory index of a catalog holds them. */
    public Versions<T> index() {
        return Versions.of(all());
    }

    /** Every version of one key, oldest first; empty when unknown. */
    public List<Stored<T>> versions(String key) {
        return query(select + " WHERE " + keyColumn + " = ? ORDER BY version", key);
    }

    /**
     * Stores the first version of a new key (or, for a retired key, the next version, active again).
     *
     * @throws DuplicateException
     *             when the key has an active version
     */
    public Stored<T> create(T value, String createdBy) {
        String key = codec.key(value);
        return inTransaction(c -> {
            if (activeVersion(c, key) != null) {
                throw new DuplicateException(what, key);
            }
            try {
                return insertNext(c, key, true, codec.json(value), createdBy);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new DuplicateException(what, key);
                }
                throw e;
            }
        });
    }

    /**
     * Stores the next version and makes it the active one, if {@code expectedVersion} is still the active version.
     *
     * @throws StaleVersionException
     *             when another version is active, or none
     * @throws UnknownException
     *             when the key has no version at all
     */
    public Stored<T> createNextVersion(T value, int expectedVersion, String createdBy) {
        String key = codec.key(value);
        return inTransaction(c -> {
            // the row lock makes a concurrent change with the same expectation wait, then find nothing active at that
            // version any more: exactly one of them wins
            if (!deactivate(c, key, expectedVersion)) {
                c.rollback();
                throw failedPrecondition(c, key, expectedVersion);
            }
            try {
                return insertNext(c, key, true, codec.json(value), createdBy);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    c.rollback();
                    throw failedPrecondition(c, key, expectedVersion);
                }
                throw e;
            }
        });
    }

    /**
     * Retires a key: its active version is followed by an inactive copy, so the retirement is itself a version.
     *
     * @return the retiring version; empty when the key was retired already
     *
     * @throws UnknownException
     *             when the key has no version at all
     */
    public Optional<Stored<T>> retire(String key, String retiredBy) {
        return inTransaction(c -> {
            String spec = null;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET active = false WHERE " + keyColumn
                    + " = ? AND active RETURNING spec::text")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        spec = rs.getString(1);
                    }
                }
            }
            if (spec == null) {
                if (!exists(c, key)) {
                    throw new UnknownException(what, key);
                }
                return Optional.empty();
            }
            return Optional.of(insertNext(c, key, false, spec, retiredBy));
        });
    }

    private boolean deactivate(Connection c, String key, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + table + " SET active = false WHERE " + keyColumn + " = ? AND version = ? AND active")) {
            ps.setString(1, key);
            ps.setInt(2, version);
            return ps.executeUpdate() > 0;
        }
    }

    private Stored<T> insertNext(Connection c, String key, boolean active, String spec, String createdBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + keyColumn
                + ", version, active, spec, created_by) SELECT ?, coalesce(max(version), 0) + 1, ?, CAST(? AS jsonb), ?"
                + " FROM " + table + " WHERE " + keyColumn + " = ? RETURNING " + keyColumn
                + ", version, active, spec::text, created_at, created_by")) {
            ps.setString(1, key);
            ps.setBoolean(2, active);
            ps.setString(3, spec);
            ps.setString(4, createdBy == null ? anonymousAuthor : createdBy);
            ps.setString(5, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    private StaleVersionException failedPrecondition(Connection c, String key, int expected) throws SQLException {
        if (!exists(c, key)) {
            throw new UnknownException(what, key);
        }
        return new StaleVersionException(what, key, expected, activeVersion(c, key));
    }

    private Integer activeVersion(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c
                .prepareStatement("SELECT version FROM " + table + " WHERE " + keyColumn + " = ? AND active")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private boolean exists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c
                .prepareStatement("SELECT 1 FROM " + table + " WHERE " + keyColumn + " = ? LIMIT 1")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<Stored<T>> query(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (key != null) {
                ps.setString(1, key);
            }
            List<Stored<T>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private Stored<T> read(ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        int version = rs.getInt(2);
        boolean active = rs.getBoolean(3);
        T value;
        try {
            value = codec.read(key, version, active, rs.getString(4));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable spec of " + what + " " + key + " v" + version, e);
        }
        Timestamp created = rs.getTimestamp(5);
        return new Stored<>(value, key, version, active, created == null ? null : created.toInstant(), rs.getString(6));
    }

    private <R> R inTransaction(Transactions.Work<R> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }
}
