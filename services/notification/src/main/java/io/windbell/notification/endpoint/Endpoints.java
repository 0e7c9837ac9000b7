package io.windbell.notification.endpoint;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The configured group robots and webhooks ({@code endpoint}) an event goes to. */
@ApplicationScoped
public class Endpoints {

    /**
     * The enabled endpoints that receive {@code eventType} for {@code branchId} (those of every branch, and those of
     * that branch), inside the caller's session.
     */
    public Uni<List<Endpoint>> receiving(String eventType, String branchId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select id, kind, name, branch_id, url from endpoint where enabled"
                                + " and (branch_id is null or branch_id = ?1)"
                                + " and (cardinality(event_types) = 0 or ?2 = any(event_types)) order by name, id",
                        Object[].class).setParameter(1, branchId).setParameter(2, eventType).getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Endpoint((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                        .toList());
    }
}
