package io.windbell.workorder.special;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * What only a special task has ({@code special_task}, V5), beside its {@code work_order} row of the same id: the
 * pattern it stands for (one open task per pattern key), its touchpoint, and the watch after it is done.
 */
@Entity
@Table(name = "special_task")
public class SpecialTask extends PanacheEntityBase {

    @Id
    public UUID workOrderId;
    @Enumerated(EnumType.STRING)
    public PatternKey.Kind patternKind;
    public String patternKey;
    public String touchpointCode;
    public Instant createdAt;
    /** When the task left the open states (RESOLVED or CLOSED); {@code null} while open. */
    public Instant closedAt;
    public Instant regressedAt;
    public int regressions;

    static SpecialTask of(UUID workOrderId, PatternKey key, String touchpointCode, Instant now) {
        SpecialTask task = new SpecialTask();
        task.workOrderId = workOrderId;
        task.patternKind = key.kind();
        task.patternKey = key.value();
        task.touchpointCode = touchpointCode;
        task.createdAt = now;
        return task;
    }
}
