package io.windbell.journey.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventPayload;
import io.windbell.journey.JourneyInstance;
import io.windbell.journey.JourneyInstance.InterruptionChange;
import io.windbell.journey.JourneyInstance.InterruptionOpened;
import io.windbell.journey.JourneyInstance.InterruptionResolved;
import io.windbell.journey.JourneyState;
import io.windbell.journey.definition.DefinitionLookup;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.messaging.outbox.Outbox;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.platform.jdbc.CopyRows;

/**
 * The journey tables over JDBC, on the caller's transaction: person locks, identity links, instances with their timers
 * and interruption history, the timeline, and the journey events into the outbox. Every write is one batched statement
 * per table, whatever the number of rows.
 */
@ApplicationScoped
public class JourneyStore {

    /** The CloudEvents source of journey events. */
    public static final String SOURCE = CloudEvents.source("journey");

    private static final Logger LOG = Logger.getLogger(JourneyStore.class);

    private static final String LOCK = "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(?::bigint[]) k ORDER BY k) s";
    private static final String TRY_LOCK = "SELECT s FROM unnest(?::text[], ?::bigint[]) AS t(s, k) WHERE pg_try_advisory_xact_lock(k)";
    // The lookups by a batch's people join the array instead of filtering on "= ANY(?)". A prepared statement keeps
    // its generic plan until the table is next analyzed; one planned while the table was small scans it and compares
    // every row with every element (8.6 ms a call on 12,000 links). The join hashes or probes the index.
    private static final String LINKS = "SELECT l.anonymous_id, l.customer_id FROM unnest(?::varchar[]) AS d(id) "
            + "JOIN identity_link l ON l.anonymous_id = d.id ORDER BY l.linked_at";
    private static final String LOAD_BY_SUBJECT = "SELECT i.state FROM unnest(?::varchar[]) AS p(subject) "
            + "JOIN journey_instance i ON i.subject = p.subject "
            + "WHERE NOT i.closed OR (i.status = 'COMPLETED' AND i.completed_at >= ?)";
    private static final String LOAD_BY_ID = "SELECT state FROM journey_instance WHERE id = ANY(?)";
    private static final String UPSERT_INSTANCE = """
            INSERT INTO journey_instance (id, definition_code, definition_version, subject, customer_id, anonymous_id,
                status, closed, merged_into, phase, current_step, started_at, updated_at, last_activity_at, completed_at,
                interruptions, channel_switches, revision, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET subject = EXCLUDED.subject, customer_id = EXCLUDED.customer_id,
                status = EXCLUDED.status, closed = EXCLUDED.closed, merged_into = EXCLUDED.merged_into,
                phase = EXCLUDED.phase, current_step = EXCLUDED.current_step, started_at = EXCLUDED.started_at,
                updated_at = EXCLUDED.updated_at, last_activity_at = EXCLUDED.last_activity_at,
                completed_at = EXCLUDED.completed_at, interruptions = EXCLUDED.interruptions,
                channel_switches = EXCLUDED.channel_switches, revision = EXCLUDED.revision, state = EXCLUDED.state
            """;
    private static final String UPSERT_TIMER = "INSERT INTO journey_timer (journey_instance_id, due_at, kind) VALUES (?, ?, ?) "
            + "ON CONFLICT (journey_instance_id) DO UPDATE SET due_at = EXCLUDED.due_at, kind = EXCLUDED.kind";
    private static final String DUE_TIMERS = "SELECT t.journey_instance_id, i.subject FROM journey_timer t "
            + "JOIN journey_instance i ON i.id = t.journey_instance_id WHERE t.due_at <= ? ORDER BY t.due_at LIMIT ? "
            + "FOR UPDATE OF t SKIP LOCKED";
    private static final String DELETE_TIMERS = "DELETE FROM journey_timer WHERE journey_instance_id = ANY(?)";
    private static final String OPEN_INTERRUPTION = "INSERT INTO journey_interruption (journey_instance_id, definition_code, "
            + "reason, touchpoint, step_order, channel, error_code, interrupted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RESOLVE_INTERRUPTION = "UPDATE journey_interruption SET resumed_at = ?, resumed_channel = ? "
            + "WHERE journey_instance_id = ? AND resumed_at IS NULL";
    private static final String TIMELINE_COLUMNS = "event_id, customer_id, anonymous_id, occurred_at, occurred_offset, "
            + "channel, touchpoint, outcome, error_code, duration_ms, branch_id, employee_id, product_id, session_id, "
            + "journey_instance_id, definition_code, step_order, late";
    private static final String REATTRIBUTE_EVENTS = "UPDATE touchpoint_event SET customer_id = ? WHERE anonymous_id = ? AND customer_id IS NULL";
    private static final String INSERT_LINK = "INSERT INTO identity_link (anonymous_id, customer_id, linked_at, event_id, "
            + "reattributed_events, reattributed_journeys, merged_journeys) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final DefinitionLookup definitions;

    public JourneyStore(DefinitionLookup definitions) {
        this.definitions = definitions;
    }

    /**
     * Waits for the locks of these people (transaction-scoped), always in the same order so two transactions cannot
     * deadlock on them. Consumers and timers take them before touching a person's journeys.
     */
    public void lock(Connection connection, Collection<String> subjects) throws SQLException {
        if (subjects.isEmpty()) {
            return;
        }
        Long[] keys = subjects.stream().map(JourneyStore::lockKey).distinct().sorted().toArray(Long[]::new);
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setArray(1, connection.createArrayOf("bigint", keys));
            lock.executeQuery().close();
        }
    }

    /** Takes the locks of those people nobody holds now, without waiting; returns whom it locked. */
    public Set<String> tryLock(Connection connection, Collection<String> subjects) throws SQLException {
        Set<String> locked = new HashSet<>();
        if (subjects.isEmpty()) {
            return locked;
        }
        List<String> ordered = subjects.stream().distinct().sorted(Comparator.comparingLong(JourneyStore::lockKey))
                .toList();
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK)) {
            lock.setArray(1, connection.createArrayOf("text", ordered.toArray()));
            lock.setArray(2, connection.createArrayOf("bigint", ordered.stream().map(JourneyStore::lockKey).toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    locked.add(rows.getString(1));
                }
            }
        }
        return locked;
    }

    /** The customer each anonymous id is linked to (the latest link wins: a shared device follows its last user). */
    public Map<String, String> links(Connection connection, Collection<String> anonymousIds) throws SQLException {
        Map<String, String> links = new HashMap<>();
        if (anonymousIds.isEmpty()) {
            return links;
        }
        try (PreparedStatement select = connection.prepareStatement(LINKS)) {
            select.setArray(1, connection.createArrayOf("varchar", anonymousIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return links;
    }

    /** The open journeys of these people, and those completed since the cutoff, by subject. */
    public Map<String, List<JourneyInstance>> loadBySubject(Connection connection, Collection<String> subjects,
            Instant completedSince) throws SQLException {
        Map<String, List<JourneyInstance>> bySubject = new HashMap<>();
        if (subjects.isEmpty()) {
            return bySubject;
        }
        try (PreparedStatement select = connection.prepareStatement(LOAD_BY_SUBJECT)) {
            select.setArray(1, connection.createArrayOf("varchar", subjects.toArray()));
            select.setTimestamp(2, Timestamp.from(completedSince));
            for (JourneyInstance instance : read(select)) {
                bySubject.computeIfAbsent(instance.subject(), s -> new ArrayList<>()).add(instance);
            }
        }
        return bySubject;
    }

    public List<JourneyInstance> loadById(Connection connection, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement(LOAD_BY_ID)) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return read(select);
        }
    }

    /**
     * Appends events to the timeline (one {@code COPY}). The inbox claim before it guarantees each event is appended
     * once, so the table needs no unique key to check.
     */
    public void saveEvents(Connection connection, List<TimelineEntry> entries) throws SQLException {
        CopyRows rows = new CopyRows();
        for (TimelineEntry entry : entries) {
            var event = entry.event();
            rows.add(event.eventId()).add(entry.customerId()).add(event.anonymousId())
                    .add(event.occurredAt().toInstant()).add(event.occurredAt().getOffset().getTotalSeconds())
                    .add(event.channel()).add(event.touchpoint()).add(event.outcome().name()).add(event.errorCode())
                    .add(event.durationMs()).add(event.branchId()).add(event.employeeId()).add(event.productId())
                    .add(event.sessionId()).add(entry.routing().instanceId()).add(entry.routing().definitionCode())
                    .add(entry.routing().stepOrder()).add(entry.routing().late()).endRow();
        }
        rows.copyInto(connection, "touchpoint_event", TIMELINE_COLUMNS);
    }

    /**
     * Records identity merges, after the events of the batch are on the timeline: every event of the device still
     * without a customer now carries the customer.
     */
    public void saveLinks(Connection connection, List<IdentityMerge> merges) throws SQLException {
        if (merges.isEmpty()) {
            return;
        }
        int[] reattributed;
        try (PreparedStatement update = connection.prepareStatement(REATTRIBUTE_EVENTS)) {
            for (IdentityMerge merge : merges) {
                update.setString(1, merge.customerId());
                update.setString(2, merge.anonymousId());
                update.addBatch();
            }
            reattributed = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINK)) {
            for (int i = 0; i < merges.size(); i++) {
                IdentityMerge merge = merges.get(i);
                insert.setString(1, merge.anonymousId());
                insert.setString(2, merge.customerId());
                insert.setTimestamp(3, Timestamp.from(merge.linkedAt()));
                insert.setObject(4, merge.eventId());
                insert.setInt(5, Math.max(0, reattributed[i]));
                insert.setInt(6, merge.adoption().reattributed());
                insert.setInt(7, merge.adoption().merged());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Stores the changed instances with their timers and interruption history, on the caller's transaction, and returns
     * the journey events they produced, for {@link #appendToOutbox}.
     *
     * @param traceparents
     *            per instance, the trace context of the event that changed it, carried on to the journey events
     */
    public List<OutboxMessage> saveInstances(Connection connection, Collection<JourneyInstance> instances, Instant now,
            Map<UUID, String> traceparents) throws SQLException {
        List<JourneyInstance> changed = instances.stream().filter(JourneyInstance::changed)
                // closed (merged) ones first, so a journey taking over its subject never meets the one it replaced
                .sorted(Comparator.comparing((JourneyInstance i) -> !i.closed())).toList();
        if (changed.isEmpty()) {
            return List.of();
        }
        upsertInstances(connection, changed);
        saveInterruptions(connection, changed);
        saveTimers(connection, changed);
        List<OutboxMessage> messages = new ArrayList<>();
        for (JourneyInstance instance : changed) {
            for (EventPayload event : instance.drainEvents()) {
                messages.add(OutboxMessage.of(event, SOURCE, now, traceparents.get(instance.id())));
            }
        }
        return messages;
    }

    /** Puts journey events into the outbox, in the caller's transaction; returns how many. */
    public int appendToOutbox(Connection connection, List<OutboxMessage> messages) throws SQLException {
        Outbox.append(connection, messages);
        return messages.size();
    }

    /** Writes the timers of these instances as their state says, changed or not (a timer that fired early). */
    public void rescheduleTimers(Connection connection, List<JourneyInstance> instances) throws SQLException {
        if (!instances.isEmpty()) {
            saveTimers(connection, instances);
        }
    }

    /** The instances whose timer is due, claimed so that no other replica fires them meanwhile. */
    public Map<UUID, String> claimDueTimers(Connection connection, Instant now, int limit) throws SQLException {
        Map<UUID, String> due = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(DUE_TIMERS)) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return due;
    }

    private void upsertInstances(Connection connection, List<JourneyInstance> changed) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_INSTANCE)) {
            for (JourneyInstance instance : changed) {
                upsert.setObject(1, instance.id());
                upsert.setString(2, instance.definition().code());
                upsert.setInt(3, instance.definition().version());
                upsert.setString(4, instance.subject());
                upsert.setString(5, instance.customerId());
                upsert.setString(6, instance.anonymousId());
                upsert.setString(7, instance.status().name());
                upsert.setBoolean(8, instance.closed());
                upsert.setObject(9, instance.mergedInto());
                upsert.setString(10, instance.phase());
                setInt(upsert, 11, instance.maxStep() == 0 ? null : instance.maxStep());
                upsert.setTimestamp(12, Timestamp.from(instance.startedAt()));
                upsert.setTimestamp(13, Timestamp.from(instance.updatedAt()));
                upsert.setTimestamp(14, Timestamp.from(instance.lastActivityAt()));
                upsert.setTimestamp(15, instance.completedAt() == null ? null : Timestamp.from(instance.completedAt()));
                upsert.setInt(16, instance.interruptions());
                upsert.setInt(17, instance.channelSwitches());
                upsert.setLong(18, instance.revision());
                upsert.setBytes(19, bytes(instance.state()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void saveInterruptions(Connection connection, List<JourneyInstance> changed) throws SQLException {
        try (PreparedStatement open = connection.prepareStatement(OPEN_INTERRUPTION);
                PreparedStatement resolve = connection.prepareStatement(RESOLVE_INTERRUPTION)) {
            boolean opened = false;
            boolean resolved = false;
            for (JourneyInstance instance : changed) {
                for (InterruptionChange change : instance.drainInterruptionChanges()) {
                    if (change instanceof InterruptionOpened o) {
                        var last = o.interruption().lastVisit();
                        open.setObject(1, instance.id());
                        open.setString(2, instance.definition().code());
                        open.setString(3, o.interruption().reason().name());
                        open.setString(4, last.touchpoint());
                        setInt(open, 5, last.stepOrder());
                        open.setString(6, last.channel());
                        open.setString(7, o.errorCode());
                        open.setTimestamp(8, Timestamp.from(o.interruption().interruptedAt()));
                        open.addBatch();
                        opened = true;
                    } else if (change instanceof InterruptionResolved r) {
                        resolve.setTimestamp(1, Timestamp.from(r.resumedAt()));
                        resolve.setString(2, r.channel());
                        resolve.setObject(3, instance.id());
                        resolve.addBatch();
                        resolved = true;
                    }
                }
            }
            if (opened) {
                open.executeBatch();
            }
            if (resolved) {
                resolve.executeBatch();
            }
        }
    }

    private static void saveTimers(Connection connection, List<JourneyInstance> changed) throws SQLException {
        List<UUID> cleared = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_TIMER)) {
            boolean any = false;
            for (JourneyInstance instance : changed) {
                var deadline = instance.nextDeadline();
                if (deadline.isPresent()) {
                    upsert.setObject(1, instance.id());
                    upsert.setTimestamp(2, Timestamp.from(deadline.get().dueAt()));
                    upsert.setString(3, deadline.get().kind());
                    upsert.addBatch();
                    any = true;
                } else {
                    cleared.add(instance.id());
                }
            }
            if (any) {
                upsert.executeBatch();
            }
        }
        if (!cleared.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_TIMERS)) {
                delete.setArray(1, connection.createArrayOf("uuid", cleared.toArray()));
                delete.executeUpdate();
            }
        }
    }

    private List<JourneyInstance> read(PreparedStatement select) throws SQLException {
        List<JourneyInstance> instances = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                JourneyState state = state(rows.getBytes(1));
                JourneyDefinition definition = definitions.find(state.definitionCode(), state.definitionVersion())
                        .orElse(null);
                if (definition == null) {
                    // versions are never deleted: another replica stored one this replica has not loaded yet, which its
                    // next catalog refresh brings; transient, so the batch waits instead of going to the DLQ
                    throw new SQLTransientException("definition " + state.definitionCode() + " v"
                            + state.definitionVersion() + " of journey " + state.id() + " is not loaded yet");
                }
                instances.add(JourneyInstance.restore(state, definition));
            }
        }
        return instances;
    }

    /** A stable 64-bit key per person for PostgreSQL advisory locks (FNV-1a). */
    static long lockKey(String subject) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < subject.length(); i++) {
            hash ^= subject.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static byte[] bytes(JourneyState state) {
        try {
            return StateCodec.write(state);
        } catch (IOException e) {
            throw new IllegalStateException("journey state of " + state.id() + " is not serialisable", e);
        }
    }

    private static JourneyState state(byte[] stored) throws SQLException {
        try {
            return StateCodec.read(stored);
        } catch (IOException e) {
            LOG.errorf("unreadable journey state: %s", e.getMessage());
            throw new SQLException("unreadable journey state", "XX000", e);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

}
