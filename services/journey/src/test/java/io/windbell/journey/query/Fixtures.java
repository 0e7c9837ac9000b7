package io.windbell.journey.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows of the journey tables for read-side tests, written with plain JDBC: definitions, instances, touchpoint events,
 * interruptions and identity links. Every test makes its own customer ids and definition codes ({@link #unique}), so
 * the service's own consumer, which writes to the same tables while tests run, never meets them.
 */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    Fixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** One step of a test definition; its only touchpoint is its code. */
    record StepSpec(int order, String code, String name, String phase, boolean keyNode) {
    }

    /** Stores a definition version the way the definition repository does (code and version as columns). */
    void definition(String code, int version, boolean active, String name, StepSpec... steps) {
        List<Map<String, Object>> stepDocs = new ArrayList<>();
        for (StepSpec s : steps) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("order", s.order());
            doc.put("code", s.code());
            doc.put("name", s.name());
            if (s.phase() != null) {
                doc.put("phase", s.phase());
            }
            doc.put("touchpoints", List.of(s.code()));
            doc.put("keyNode", s.keyNode());
            if (s.keyNode()) {
                doc.put("inactivityTimeout", "PT30M");
            }
            stepDocs.add(doc);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("nameZh", name);
        spec.put("stage", "ACQUISITION");
        spec.put("steps", stepDocs);
        spec.put("startTouchpoints", List.of(steps[0].code()));
        spec.put("completionTouchpoints", List.of(steps[steps.length - 1].code()));
        spec.put("maxDuration", "P30D");
        spec.put("channelSwitchGrace", "PT2H");
        spec.put("assistedChannels", List.of("CALL_CENTER"));
        try {
            update("insert into journey_definition (code, version, active, spec, created_by)"
                    + " values (?, ?, ?, cast(? as jsonb), 'test')", code, version, active,
                    JSON.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void link(String anonymousId, String customerId, Instant linkedAt) {
        update("insert into identity_link (anonymous_id, customer_id, linked_at, event_id) values (?, ?, ?, ?)",
                anonymousId, customerId, linkedAt, UUID.randomUUID());
    }

    JourneyRow journey(String definitionCode) {
        return new JourneyRow(definitionCode);
    }

    EventRow event() {
        return new EventRow();
    }

    InterruptionRow interruption(UUID journeyId, String definitionCode) {
        return new InterruptionRow(journeyId, definitionCode);
    }

    /** A journey_instance row; {@code state} is left empty: the read side never parses it. */
    final class JourneyRow {
        final UUID id = UUID.randomUUID();
        private final String definitionCode;
        private int version = 1;
        private String customerId;
        private String anonymousId;
        private String status = "IN_PROGRESS";
        private Boolean closed;
        private UUID mergedInto;
        private String phase;
        private Integer currentStep;
        private Instant startedAt = Instant.parse("2025-03-01T00:00:00Z");
        private Instant lastActivityAt;
        private Instant completedAt;
        private int interruptions;
        private int channelSwitches;

        private JourneyRow(String definitionCode) {
            this.definitionCode = definitionCode;
        }

        JourneyRow version(int value) {
            version = value;
            return this;
        }

        JourneyRow customer(String value) {
            customerId = value;
            return this;
        }

        JourneyRow anonymous(String value) {
            anonymousId = value;
            return this;
        }

        /** Completed instances are closed unless said otherwise. */
        JourneyRow status(String value) {
            status = value;
            return this;
        }

        JourneyRow closed(boolean value) {
            closed = value;
            return this;
        }

        JourneyRow mergedInto(UUID value) {
            mergedInto = value;
            closed = true;
            return this;
        }

        JourneyRow phase(String value) {
            phase = value;
            return this;
        }

        JourneyRow currentStep(int value) {
            currentStep = value;
            return this;
        }

        JourneyRow started(Instant value) {
            startedAt = value;
            return this;
        }

        JourneyRow lastActivity(Instant value) {
            lastActivityAt = value;
            return this;
        }

        JourneyRow completed(Instant value) {
            completedAt = value;
            status = "COMPLETED";
            return this;
        }

        JourneyRow interruptions(int value) {
            interruptions = value;
            return this;
        }

        JourneyRow channelSwitches(int value) {
            channelSwitches = value;
            return this;
        }

        UUID insert() {
            String subject = customerId != null ? "c:" + customerId : "a:" + anonymousId;
            Instant last = lastActivityAt != null ? lastActivityAt : completedAt != null ? completedAt : startedAt;
            boolean isClosed = closed != null ? closed : "COMPLETED".equals(status);
            update("insert into journey_instance (id, definition_code, definition_version, subject, customer_id,"
                    + " anonymous_id, status, closed, merged_into, phase, current_step, started_at, updated_at,"
                    + " last_activity_at, completed_at, interruptions, channel_switches, state)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ''::bytea)", id, definitionCode,
                    version, subject, customerId, anonymousId, status, isClosed, mergedInto, phase, currentStep,
                    startedAt, last, last, completedAt, interruptions, channelSwitches);
            return id;
        }
    }

    /** A touchpoint_event row. */
    final class EventRow {
        final UUID id = UUID.randomUUID();
        private String customerId;
        private String anonymousId;
        private OffsetDateTime occurredAt = OffsetDateTime.parse("2025-03-01T00:00:00Z");
        private String channel = "MOBILE_APP";
        private String touchpoint = "app.login";
        private String outcome = "SUCCESS";
        private String errorCode;
        private Long durationMs;
        private String branchId;
        private String employeeId;
        private String productId;
        private String sessionId;
        private UUID journeyId;
        private String definitionCode;
        private Integer stepOrder;
        private boolean late;

        EventRow customer(String value) {
            customerId = value;
            return this;
        }

        EventRow anonymous(String value) {
            anonymousId = value;
            return this;
        }

        /** When, at the client's UTC offset (kept apart from the instant, as the consumer stores it). */
        EventRow at(String isoOffsetDateTime) {
            occurredAt = OffsetDateTime.parse(isoOffsetDateTime);
            return this;
        }

        EventRow at(Instant instant) {
            occurredAt = instant.atOffset(ZoneOffset.UTC);
            return this;
        }

        EventRow channel(String value) {
            channel = value;
            return this;
        }

        EventRow touchpoint(String value) {
            touchpoint = value;
            return this;
        }

        EventRow outcome(String value) {
            outcome = value;
            return this;
        }

        EventRow error(String value) {
            errorCode = value;
            outcome = "FAILURE";
            return this;
        }

        EventRow duration(long ms) {
            durationMs = ms;
            return this;
        }

        EventRow staff(String branch, String employee) {
            branchId = branch;
            employeeId = employee;
            return this;
        }

        EventRow product(String value) {
            productId = value;
            return this;
        }

        EventRow session(String value) {
            sessionId = value;
            return this;
        }

        /** The journey step it counted for ({@code step} null: a contact about the journey, not a step). */
        EventRow journey(UUID journey, String definition, Integer step) {
            journeyId = journey;
            definitionCode = definition;
            stepOrder = step;
            return this;
        }

        EventRow late() {
            late = true;
            return this;
        }

        UUID insert() {
            update("insert into touchpoint_event (event_id, customer_id, anonymous_id, occurred_at, occurred_offset,"
                    + " channel, touchpoint, outcome, error_code, duration_ms, branch_id, employee_id, product_id,"
                    + " session_id, journey_instance_id, definition_code, step_order, late)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, customerId, anonymousId,
                    occurredAt.toInstant(), occurredAt.getOffset().getTotalSeconds(), channel, touchpoint, outcome,
                    errorCode, durationMs, branchId, employeeId, productId, sessionId, journeyId, definitionCode,
                    stepOrder, late);
            return id;
        }
    }

    /** A journey_interruption row. */
    final class InterruptionRow {
        private final UUID journeyId;
        private final String definitionCode;
        private String reason = "FAILURE";
        private String touchpoint;
        private Integer stepOrder;
        private String channel = "MOBILE_APP";
        private String errorCode;
        private Instant interruptedAt = Instant.parse("2025-03-01T00:00:00Z");
        private Instant resumedAt;
        private String resumedChannel;

        private InterruptionRow(UUID journeyId, String definitionCode) {
            this.journeyId = journeyId;
            this.definitionCode = definitionCode;
        }

        InterruptionRow reason(String value) {
            reason = value;
            return this;
        }

        InterruptionRow at(String touchpointCode, int step) {
            touchpoint = touchpointCode;
            stepOrder = step;
            return this;
        }

        InterruptionRow channel(String value) {
            channel = value;
            return this;
        }

        InterruptionRow error(String value) {
            errorCode = value;
            return this;
        }

        InterruptionRow interrupted(Instant value) {
            interruptedAt = value;
            return this;
        }

        InterruptionRow resumed(Instant at, String onChannel) {
            resumedAt = at;
            resumedChannel = onChannel;
            return this;
        }

        void insert() {
            update("insert into journey_interruption (journey_instance_id, definition_code, reason, touchpoint,"
                    + " step_order, channel, error_code, interrupted_at, resumed_at, resumed_channel)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", journeyId, definitionCode, reason, touchpoint,
                    stepOrder, channel, errorCode, interruptedAt, resumedAt, resumedChannel);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i];
                ps.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
