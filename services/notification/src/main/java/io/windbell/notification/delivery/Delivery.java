package io.windbell.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One message to one recipient on one channel, and where it stands ({@code delivery}). */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID sourceEventId;
    public String eventType;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String address;
    public String branchId;
    public boolean critical;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant notAfter;
    /** the rendered {@link Content} as JSON */
    public String content;
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant sentAt;
    @Version
    public long version;
}
