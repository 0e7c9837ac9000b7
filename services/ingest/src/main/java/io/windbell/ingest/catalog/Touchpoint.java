package io.windbell.ingest.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A touchpoint of the catalog: where in which journey it sits and on which channels events may report it. */
@Entity
public class Touchpoint extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "journey_code")
    public String journey;

    @Column(name = "step_order")
    public int stepOrder;

    public String phase;

    @Column(name = "key_node")
    public boolean keyNode;

    @Column(columnDefinition = "text[]")
    public String[] channels;

    public String description;

    public boolean active = true;

    @Version
    public int version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
