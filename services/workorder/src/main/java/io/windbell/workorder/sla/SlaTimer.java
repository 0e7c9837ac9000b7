package io.windbell.workorder.sla;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A durable SLA timer ({@code sla_timer}, V3): written in the order's transaction by {@link SlaClock}, fired once by
 * whichever replica's {@link SlaTimers} claims it.
 */
@Entity
@Table(name = "sla_timer")
public class SlaTimer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID workOrderId;
    @Enumerated(EnumType.STRING)
    public SlaTimerKind kind;
    public Instant dueAt;
    public Instant firedAt;
    public boolean cancelled;

    public static SlaTimer of(UUID workOrderId, SlaTimerKind kind, Instant dueAt) {
        SlaTimer timer = new SlaTimer();
        timer.workOrderId = workOrderId;
        timer.kind = kind;
        timer.dueAt = dueAt;
        return timer;
    }
}
