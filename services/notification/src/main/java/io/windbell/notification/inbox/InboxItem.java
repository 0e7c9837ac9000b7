package io.windbell.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One row of {@code inbox_item}, for the inbox API. Rows are inserted by {@link Inbox#append} only; this entity changes
 * {@code read_at} and {@code acknowledged_at}. {@link DynamicUpdate}: an update writes only the columns it changed, so
 * it never puts back a {@code delivered_at} that the stream set meanwhile.
 */
@Entity
@Table(name = "inbox_item")
@DynamicUpdate
public class InboxItem extends PanacheEntityBase {

    @Id
    public UUID id;
    public String employeeId;
    public long seq;
    public UUID sourceEventId;
    public String eventType;
    public UUID workOrderId;
    public String branchId;
    public String title;
    public String body;
    public String priority;
    public boolean critical;
    public String link;
    public Instant createdAt;
    public Instant deliveredAt;
    public Instant readAt;
    public Instant acknowledgedAt;
    public Instant renotifiedAt;
}
