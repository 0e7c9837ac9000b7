package io.windbell.notification.staff;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The employees notification has met through their tokens ({@code staff_member}): who sits in a branch (a queue's
 * members), their e-mail address. The stream, the inbox and the preferences call {@link #seen} on every authenticated
 * call; the row is only written when something changed or an hour has passed.
 */
@ApplicationScoped
public class StaffRegistry {

    /** Records (upserts) the caller in its own reactive transaction. */
    public Uni<Void> seen(Me me) {
        // a text parameter split in SQL: the reactive client refuses a String for a parameter typed text[]
        String roles = String.join(",", me.roles());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into staff_member as m (employee_id, branch_id, region_id, email, display_name, roles,"
                        + " first_seen_at, last_seen_at) values (?1, ?2, ?3, ?4, ?5, string_to_array(?6, ','), ?7, ?7)"
                        + " on conflict (employee_id) do update set branch_id = excluded.branch_id,"
                        + " region_id = excluded.region_id, email = excluded.email, display_name = excluded.display_name,"
                        + " roles = excluded.roles, last_seen_at = excluded.last_seen_at"
                        + " where m.branch_id is distinct from excluded.branch_id"
                        + " or m.region_id is distinct from excluded.region_id"
                        + " or m.email is distinct from excluded.email or m.roles is distinct from excluded.roles"
                        + " or m.last_seen_at < excluded.last_seen_at - interval '1 hour'")
                .setParameter(1, me.employeeId()).setParameter(2, me.branchId()).setParameter(3, me.regionId())
                .setParameter(4, me.email()).setParameter(5, me.name()).setParameter(6, roles)
                .setParameter(7, Instant.now()).executeUpdate())).replaceWithVoid();
    }

    /**
     * The known employees of {@code branchId} (a queue's members), in employee-id order, inside the caller's session.
     */
    public Uni<List<String>> membersOf(String branchId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select employee_id from staff_member where branch_id = ?1 order by employee_id", String.class)
                        .setParameter(1, branchId).getResultList());
    }

    /** The e-mail address on file for {@code employeeId}, or {@code null}, inside the caller's session. */
    public Uni<String> emailOf(String employeeId) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select email from staff_member where employee_id = ?1", String.class)
                        .setParameter(1, employeeId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
