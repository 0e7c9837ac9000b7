package io.windbell.journey.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.contracts.journey.LifecycleStage;

/**
 * Stores journey definition versions in {@code journey_definition} with plain JDBC. The code and version are columns;
 * everything else is the {@code spec} document ({@link Spec}). A change never edits a version: it adds the next one and
 * deactivates the previous one in the same transaction, guarded by the caller's expected version.
 */
@ApplicationScoped
@RegisterForReflection(targets = { DefinitionRepository.Spec.class, JourneyDefinition.Step.class })
public class DefinitionRepository {

    /** PostgreSQL's unique_violation: the primary key or the one-active-version-per-code index. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The spec column's own JSON settings, independent of the REST mapper: ISO-8601 durations, no nulls, and a tolerant
     * reader so that a replica still on the previous release reads a spec a newer one wrote.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private static final String COLUMNS = "SELECT code, version, active, spec::text, created_at, created_by"
            + " FROM journey_definition";

    private final DataSource dataSource;

    DefinitionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One stored version and its bookkeeping. */
    public record StoredVersion(JourneyDefinition definition, boolean active, Instant createdAt, String createdBy) {

        public String code() {
            return definition.code();
        }

        public int version() {
            return definition.version();
        }
    }

    /** The code exists already (an active version, or a concurrent creation won). */
    public static final class DuplicateCodeException extends RuntimeException {
        DuplicateCodeException(String code) {
            super("journey definition " + code + " exists already", null, false, false);
        }
    }

    /** The caller's expected version is not the active one: someone changed or retired the definition meanwhile. */
    public static final class StaleVersionException extends RuntimeException {
        private final transient Integer activeVersion;

        StaleVersionException(String code, int expected, Integer activeVersion) {
            super("journey definition " + code
                    + (activeVersion == null ? " is retired" : " is at version " + activeVersion) + ", not " + expected,
                    null, false, false);
            this.activeVersion = activeVersion;
        }

        /** The version that is active now, empty when the definition is retired. */
        public Optional<Integer> activeVersion() {
            return Optional.ofNullable(activeVersion);
        }
    }

    /** No version of the code is stored. */
    public static final class UnknownCodeException extends RuntimeException {
        UnknownCodeException(String code) {
            super("journey definition " + code + " does not exist", null, false, false);
        }
    }

    /** Every version of every definition. */
    public List<StoredVersion> all() {
        return query(COLUMNS + " ORDER BY code, version", null);
    }

    /** Every version of one definition, oldest first; empty when the code is unknown. */
    public List<StoredVersion> versions(String code) {
        return query(COLUMNS + " WHERE code = ? ORDER BY version", code);
    }

    /** The active version of a definition, empty when unknown or retired. */
    public Optional<StoredVersion> active(String code) {
        return query(COLUMNS + " WHERE code = ? AND active", code).stream().findFirst();
    }

    /**
     * Stores the first version of a new definition (or, for a retired code, the next version, active again).
     *
     * @throws DuplicateCodeException
     *             when the code has an active version
     */
    public StoredVersion create(JourneyDefinition definition, String createdBy) {
        return inTransaction(c -> {
            try {
                return insertNext(c, definition, createdBy);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new DuplicateCodeException(definition.code());
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
     * @throws UnknownCodeException
     *             when the code has no version at all
     */
    public StoredVersion createNextVersion(JourneyDefinition definition, int expectedVersion, String createdBy) {
        String code = definition.code();
        return inTransaction(c -> {
            // The row lock taken here makes a concurrent change with the same expectation wait, then find nothing
            // active at that version any more: exactly one of them wins.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE journey_definition SET active = false WHERE code = ? AND version = ? AND active")) {
                ps.setString(1, code);
                ps.setInt(2, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    c.rollback();
                    throw failedPrecondition(c, code, expectedVersion);
                }
            }
            try {
                return insertNext(c, definition, createdBy);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // a concurrent creation of the same code after a retirement took the version number
                    c.rollback();
                    throw failedPrecondition(c, code, expectedVersion);
                }
                throw e;
            }
        });
    }

    /**
     * Retires a definition: no version is active any more, running instances keep theirs.
     *
     * @return {@code false} when the code is unknown
     */
    public boolean retire(String code) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("UPDATE journey_definition SET active = false WHERE code = ? AND active")) {
                ps.setString(1, code);
                if (ps.executeUpdate() > 0) {
                    return true;
                }
            }
            return exists(c, code);
        });
    }

    private StoredVersion insertNext(Connection c, JourneyDefinition d, String createdBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO journey_definition (code, version, active, spec, created_by)
                SELECT ?, coalesce(max(version), 0) + 1, true, CAST(? AS jsonb), ?
                  FROM journey_definition WHERE code = ?
                RETURNING code, version, active, spec::text, created_at, created_by""")) {
            ps.setString(1, d.code());
            ps.setString(2, toSpec(d));
            ps.setString(3, createdBy);
            ps.setString(4, d.code());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    private StaleVersionException failedPrecondition(Connection c, String code, int expected) throws SQLException {
        if (!exists(c, code)) {
            throw new UnknownCodeException(code);
        }
        Integer active = null;
        try (PreparedStatement ps = c
                .prepareStatement("SELECT version FROM journey_definition WHERE code = ? AND active")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    active = rs.getInt(1);
                }
            }
        }
        return new StaleVersionException(code, expected, active);
    }

    private static boolean exists(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM journey_definition WHERE code = ? LIMIT 1")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<StoredVersion> query(String sql, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (code != null) {
                ps.setString(1, code);
            }
            List<StoredVersion> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DefinitionStoreException(e);
        }
    }

    private static StoredVersion read(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp(5);
        return new StoredVersion(fromSpec(rs.getString(1), rs.getInt(2), rs.getString(4)), rs.getBoolean(3),
                created == null ? null : created.toInstant(), rs.getString(6));
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DefinitionStoreException(e);
        }
    }

    /** The database failed (not a rule of the definitions): the caller answers 5xx. */
    public static final class DefinitionStoreException extends RuntimeException {
        DefinitionStoreException(SQLException cause) {
            super("journey definition store failed: " + cause.getMessage(), cause);
        }
    }

    // --- the spec document ------------------------------------------------------------------------------------

    /**
     * The {@code spec} column: a definition without its code and version (those are columns). Sets are written sorted
     * so that equal definitions are stored as equal documents.
     */
    record Spec(String name, String nameZh, LifecycleStage stage, List<JourneyDefinition.Step> steps,
            Set<String> startTouchpoints, Set<String> completionTouchpoints, Duration maxDuration,
            Duration channelSwitchGrace, Set<String> assistedChannels) {
    }

    static String toSpec(JourneyDefinition d) {
        Spec spec = new Spec(d.name(), d.nameZh(), d.stage(), d.steps(), new TreeSet<>(d.startTouchpoints()),
                new TreeSet<>(d.completionTouchpoints()), d.maxDuration(), d.channelSwitchGrace(),
                new TreeSet<>(d.assistedChannels()));
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JourneyDefinition fromSpec(String code, int version, String json) {
        try {
            Spec s = JSON.readValue(json, Spec.class);
            return new JourneyDefinition(code, version, s.name(), s.nameZh(), s.stage(), orEmpty(s.steps()),
                    orEmpty(s.startTouchpoints()), orEmpty(s.completionTouchpoints()), s.maxDuration(),
                    s.channelSwitchGrace(), orEmpty(s.assistedChannels()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable spec of journey definition " + code + " v" + version, e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Set<T> orEmpty(Set<T> set) {
        return set == null ? Set.of() : set;
    }
}
