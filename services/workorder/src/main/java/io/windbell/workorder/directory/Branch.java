package io.windbell.workorder.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One branch of the bank ({@code branch}, V2): its region and its manager, the hierarchy orders escalate up. */
@Entity
@Table(name = "branch")
public class Branch extends PanacheEntityBase {

    @Id
    public String branchId;
    public String regionId;
    public String name;
    public String managerId;
    public Instant createdAt;
    public Instant updatedAt;
}
