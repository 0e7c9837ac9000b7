package io.windbell.workorder.intake;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The customer's tier as the latest low-score alert carried it ({@code customer_tier}, V4): journey events carry no
 * tier, so the creation rules for interrupted journeys read it here. A customer never seen in an alert has no tier.
 */
final class CustomerTiers {

    private CustomerTiers() {
    }

    /** Records {@code tier} unless a later alert recorded one already; nothing for an alert without a tier. */
    static Uni<Void> remember(String customerId, String tier, Instant seenAt) {
        if (tier == null || tier.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO customer_tier (customer_id, tier, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, updated_at = excluded.updated_at
                WHERE customer_tier.updated_at <= excluded.updated_at""").setParameter(1, customerId)
                .setParameter(2, tier).setParameter(3, seenAt).executeUpdate()).replaceWithVoid();
    }

    /** The tier last recorded, {@code null} when not known. */
    static Uni<String> of(String customerId) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("SELECT tier FROM customer_tier WHERE customer_id = ?", String.class)
                        .setParameter(1, customerId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.getFirst());
    }
}
