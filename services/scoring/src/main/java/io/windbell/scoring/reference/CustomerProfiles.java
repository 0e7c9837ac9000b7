package io.windbell.scoring.reference;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.touchpoint.TouchpointRecorded;

/**
 * The {@code customer_profile} table: tier and home branch per customer, taken from the {@code customerTier} and
 * {@code homeBranchId} attributes of touchpoint events (the channel app knows both for a logged-in customer). Written
 * once per customer per batch, newest event wins; an attribute that is not a short code is ignored, not stored.
 */
@ApplicationScoped
public class CustomerProfiles {

    public static final String TIER_ATTRIBUTE = "customerTier";
    public static final String HOME_BRANCH_ATTRIBUTE = "homeBranchId";

    private static final Pattern TIER = Pattern.compile("^[a-z][a-z0-9_-]{0,31}$");

    private record Seen(String tier, String homeBranchId, Instant at) {
    }

    /** Records the newest tier and home branch each customer of the batch carried. */
    public void update(Connection connection, List<TouchpointRecorded> events) throws SQLException {
        Map<String, Seen> latest = new LinkedHashMap<>();
        for (TouchpointRecorded event : events) {
            if (event.customerId() == null || event.attributes() == null || event.occurredAt() == null) {
                continue;
            }
            String tier = text(event.attributes().get(TIER_ATTRIBUTE));
            String home = text(event.attributes().get(HOME_BRANCH_ATTRIBUTE));
            tier = tier != null && TIER.matcher(tier).matches() ? tier : null;
            home = home != null && Identifiers.isBranchId(home) ? home : null;
            if (tier == null && home == null) {
                continue;
            }
            Instant at = event.occurredAt().toInstant();
            Seen before = latest.get(event.customerId());
            if (before == null || !at.isBefore(before.at())) {
                latest.put(event.customerId(), new Seen(tier != null ? tier : before == null ? null : before.tier(),
                        home != null ? home : before == null ? null : before.homeBranchId(), at));
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into customer_profile (customer_id, tier, home_branch_id, seen_at) values (?, ?, ?, ?)
                on conflict (customer_id) do update set
                  tier = coalesce(case when excluded.seen_at >= customer_profile.seen_at then excluded.tier end,
                                  customer_profile.tier, excluded.tier),
                  home_branch_id = coalesce(case when excluded.seen_at >= customer_profile.seen_at
                                                 then excluded.home_branch_id end,
                                            customer_profile.home_branch_id, excluded.home_branch_id),
                  seen_at = greatest(customer_profile.seen_at, excluded.seen_at)
                """)) {
            // sorted keys: two batches touching the same customers lock them in the same order
            for (Map.Entry<String, Seen> entry : latest.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .toList()) {
                upsert.setString(1, entry.getKey());
                upsert.setString(2, entry.getValue().tier());
                upsert.setString(3, entry.getValue().homeBranchId());
                upsert.setObject(4, java.sql.Timestamp.from(entry.getValue().at()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The profiles of these customers that exist. */
    public Map<String, CustomerProfile> load(Connection connection, Collection<String> customerIds)
            throws SQLException {
        Map<String, CustomerProfile> profiles = new HashMap<>();
        if (customerIds.isEmpty()) {
            return profiles;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select customer_id, tier, home_branch_id from customer_profile where customer_id = any (?)")) {
            Array ids = connection.createArrayOf("text", customerIds.toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    profiles.put(rows.getString(1), new CustomerProfile(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return profiles;
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }
}
