package io.windbell.workorder.intake;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A signal attached to an order ({@code work_order_signal}, V1): the alert that opened it, a later alert about the same
 * case, the interrupted journey of a callback, a follow-up answer. The source id is the primary key, so the same alert
 * delivered again (even under a new CloudEvents id) attaches once.
 */
@Entity
@Table(name = "work_order_signal")
public class Signal extends PanacheEntityBase {

    /** What kind of source a signal is. */
    public enum Kind {
        LOW_SCORE, JOURNEY_INTERRUPTED, TOUCHPOINT_DEGRADED, FOLLOW_UP_ANSWER
    }

    /** The alert id, the response id, or (for an interrupted journey) the journey instance id. */
    @Id
    public UUID sourceId;
    public UUID workOrderId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public Instant at;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;

    public static Signal of(UUID sourceId, UUID workOrderId, Kind kind, Map<String, Object> detail, Instant at) {
        Signal signal = new Signal();
        signal.sourceId = sourceId;
        signal.workOrderId = workOrderId;
        signal.kind = kind;
        signal.detail = detail == null ? Map.of() : detail;
        signal.at = at;
        return signal;
    }
}
