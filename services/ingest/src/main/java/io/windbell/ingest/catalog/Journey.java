package io.windbell.ingest.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A journey of the catalog, which groups touchpoints; the journey service owns its full definition. */
@Entity
public class Journey extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "lifecycle_stage")
    public String lifecycleStage;
}
