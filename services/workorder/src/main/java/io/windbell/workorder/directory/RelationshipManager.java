package io.windbell.workorder.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A customer's relationship manager ({@code relationship_manager}, V2): routing's first choice for their orders. */
@Entity
@Table(name = "relationship_manager")
public class RelationshipManager extends PanacheEntityBase {

    @Id
    public String customerId;
    public String employeeId;
    /** When this employee became the customer's RM (kept when an import repeats the same assignment). */
    public Instant since;
}
