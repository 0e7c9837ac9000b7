package io.windbell.workorder.directory;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One employee of the staff directory ({@code employee}, V2), as the bank's HR extract names them: where they work,
 * their role and manager, their calendar, skills and capacity. No contact details: notification owns those.
 */
@Entity
@Table(name = "employee")
public class Employee extends PanacheEntityBase {

    @Id
    public String employeeId;
    public String name;
    public String branchId;
    public String regionId;
    @Enumerated(EnumType.STRING)
    public StaffRole role;
    public String managerId;
    /** A calendar code; {@code null} = the bank's default calendar. */
    public String calendar;
    /** Journey codes or product families ({@code text[]}: Hibernate Reactive binds a JSON column as an object only). */
    public String[] skills;
    public int capacity;
    public boolean active;
    /** On leave through this day (bank time zone), inclusive; {@code null} when not on leave. */
    public LocalDate onLeaveUntil;
    public Instant createdAt;
    public Instant updatedAt;
}
