package io.windbell.scoring.silent;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.platform.security.DataScope;

/**
 * The {@code silent_customer} table: one row per customer with negative behaviour or a recent survey answer, written
 * only by {@link SilentFold} (one batched upsert per batch), read by {@link SilentQuery}.
 */
@ApplicationScoped
public class SilentStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StoredEntry>> ENTRIES = new TypeReference<>() {
    };

    /** What the fold reads back and writes of one customer. */
    public record Customer(String customerId, String branchId, String regionId, String assistedBranchId,
            RiskState state, Instant lastRespondedAt, Instant visitWatermark) {
    }

    /** One listed customer, with the sort key of the cursor. */
    public record Listed(Customer customer, double rankKey) {
    }

    /** The sort key of the last customer of a page: the next page starts after it. */
    public record After(double rankKey, String customerId) {
    }

    /** A {@link RiskState.Entry} as JSON stores it (epoch milliseconds, no time module needed). */
    record StoredEntry(Signal signal, String touchpoint, String code, long count, double points, long lastAt) {

        static StoredEntry of(RiskState.Entry e) {
            return new StoredEntry(e.signal(), e.touchpoint(), e.code(), e.count(), e.points(),
                    e.lastAt().toEpochMilli());
        }

        RiskState.Entry entry() {
            return new RiskState.Entry(signal, touchpoint, code, count, points, Instant.ofEpochMilli(lastAt));
        }
    }

    private static final String COLUMNS = "customer_id, branch_id, region_id, assisted_branch_id, as_of, signals, "
            + "last_responded_at, visit_watermark, rank_key";

    /**
     * The stored customers among {@code customerIds}, locked until the batch commits. Those of {@code create} are
     * created first when missing: two topics' batches about a new customer then queue on the same row instead of both
     * starting from nothing and the later overwriting the earlier. A created row is overwritten by {@link #save} in the
     * same transaction, so nobody sees it empty.
     */
    public Map<String, Customer> lock(Connection connection, Collection<String> customerIds, Collection<String> create)
            throws SQLException {
        if (!create.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                            insert into silent_customer (customer_id, branch_id, region_id, points, as_of, last_seen_at, signals)
                            select id, '', '', 0, 'epoch', now(), '[]' from unnest(?::varchar[]) as id order by id
                            on conflict (customer_id) do nothing
                            """)) {
                insert.setArray(1, connection.createArrayOf("varchar", create.toArray()));
                insert.executeUpdate();
            }
        }
        Map<String, Customer> customers = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from silent_customer where customer_id = any (?) order by customer_id for update")) {
            Array ids = connection.createArrayOf("varchar", customerIds.toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Customer customer = customer(rows);
                    customers.put(customer.customerId(), customer);
                }
            }
        }
        return customers;
    }

    /** Writes the customers (sorted by id by the caller), one batched upsert. */
    public void save(Connection connection, List<Customer> customers, RiskFormula formula) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into silent_customer (customer_id, branch_id, region_id, assisted_branch_id, points, as_of,
                  rank_key, last_signal_at, last_responded_at, visit_watermark, last_seen_at, signals)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (customer_id) do update set branch_id = excluded.branch_id,
                  region_id = excluded.region_id, assisted_branch_id = excluded.assisted_branch_id,
                  points = excluded.points, as_of = excluded.as_of, rank_key = excluded.rank_key,
                  last_signal_at = excluded.last_signal_at, last_responded_at = excluded.last_responded_at,
                  visit_watermark = excluded.visit_watermark, last_seen_at = excluded.last_seen_at,
                  signals = excluded.signals
                """)) {
            for (Customer c : customers) {
                RiskState state = c.state();
                Double rank = formula.rankKey(state.points(), state.asOf());
                Instant lastSignal = state.lastSignalAt();
                upsert.setString(1, c.customerId());
                upsert.setString(2, c.branchId());
                upsert.setString(3, c.regionId());
                upsert.setString(4, c.assistedBranchId());
                upsert.setDouble(5, state.points());
                upsert.setTimestamp(6, Timestamp.from(state.asOf()));
                if (rank == null) {
                    upsert.setNull(7, Types.DOUBLE);
                } else {
                    upsert.setDouble(7, rank);
                }
                upsert.setTimestamp(8, timestamp(lastSignal));
                upsert.setTimestamp(9, timestamp(c.lastRespondedAt()));
                upsert.setTimestamp(10, timestamp(c.visitWatermark()));
                upsert.setTimestamp(11, Timestamp.from(latest(lastSignal, c.lastRespondedAt(), state.asOf())));
                upsert.setString(12, json(state));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * One page of customers in the filter whose rank key is at least {@code minRankKey}, with a signal since
     * {@code horizon} and no survey answer since then, highest first, after the cursor's (rank key, customer id).
     */
    public List<Listed> page(Connection connection, DataScope.Filter filter, double minRankKey, Instant horizon,
            After after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append("""
                 from silent_customer
                where rank_key is not null and rank_key >= ? and last_signal_at >= ?
                  and (last_responded_at is null or last_responded_at < ?)""");
        List<Object> values = new ArrayList<>(List.of(minRankKey, Timestamp.from(horizon), Timestamp.from(horizon)));
        if (filter.branchId() != null) {
            sql.append(" and branch_id = ?");
            values.add(filter.branchId());
        }
        if (filter.regionId() != null) {
            sql.append(" and region_id = ?");
            values.add(filter.regionId());
        }
        if (after != null) {
            sql.append(" and (rank_key, customer_id) < (?, ?)");
            values.add(after.rankKey());
            values.add(after.customerId());
        }
        sql.append(" order by rank_key desc, customer_id desc limit ?");
        values.add(limit);
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            List<Listed> page = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(new Listed(customer(rows), rows.getDouble(9)));
                }
            }
            return page;
        }
    }

    /** Deletes at most {@code limit} customers with nothing since {@code cutoff}; for the retention purge. */
    public static int purge(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from silent_customer where customer_id in (
                  select customer_id from silent_customer where last_seen_at < ? limit ?)
                """)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    private static Customer customer(ResultSet rows) throws SQLException {
        List<RiskState.Entry> entries;
        try {
            entries = JSON.readValue(rows.getString(6), ENTRIES).stream().map(StoredEntry::entry).toList();
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable signals of a silent_customer row", e);
        }
        return new Customer(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                new RiskState(rows.getTimestamp(5).toInstant(), entries), instant(rows.getTimestamp(7)),
                instant(rows.getTimestamp(8)));
    }

    private static String json(RiskState state) throws SQLException {
        try {
            return JSON.writeValueAsString(state.entries().stream().map(StoredEntry::of).toList());
        } catch (JsonProcessingException e) {
            throw new SQLException("signals not writable as JSON", e);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static Instant latest(Instant... instants) {
        Instant latest = Instant.EPOCH;
        for (Instant at : instants) {
            if (at != null && at.isAfter(latest)) {
                latest = at;
            }
        }
        return latest;
    }
}
