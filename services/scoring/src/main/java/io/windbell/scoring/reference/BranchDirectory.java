package io.windbell.scoring.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.windbell.platform.background.Periodic;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.scoring.ScoringConfig;

/**
 * The bank's branches and the region each belongs to ({@code branch_directory}), kept in memory by every replica and
 * reloaded every {@code windbell.scoring.branches.refresh-interval}. Scoring writes a branch's region into each rollup
 * row as the event is folded, so a regional manager's view is what the directory said at the time.
 */
@ApplicationScoped
@Startup
public class BranchDirectory {

    /** One branch. */
    public record Branch(String branchId, String regionId, String name, Instant updatedAt) {
    }

    private final DataSource dataSource;
    private final Periodic refresh;
    private volatile Map<String, String> regions = Map.of();

    public BranchDirectory(DataSource dataSource, ScoringConfig config) throws SQLException {
        this.dataSource = dataSource;
        reload();
        this.refresh = new Periodic("scoring-branches", config.branches().refreshInterval(), Duration.ofSeconds(5),
                () -> {
                    reload();
                    return false;
                }).start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        refresh.close();
    }

    /** Branch id to region id, as last loaded. */
    public Map<String, String> regions() {
        return regions;
    }

    public List<Branch> list() throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            List<Branch> branches = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select branch_id, region_id, name, updated_at from branch_directory order by branch_id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    branches.add(new Branch(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return branches;
        });
    }

    /** Replaces the whole directory in one transaction, and this replica's copy at once. */
    public void replace(List<Branch> branches, Instant now) throws SQLException {
        Transactions.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from branch_directory");
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into branch_directory (branch_id, region_id, name, updated_at) values (?, ?, ?, ?)")) {
                delete.executeUpdate();
                for (Branch branch : branches) {
                    insert.setString(1, branch.branchId());
                    insert.setString(2, branch.regionId());
                    insert.setString(3, branch.name());
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        reload();
    }

    private void reload() throws SQLException {
        regions = Transactions.inTransaction(dataSource, BranchDirectory::load);
    }

    private static Map<String, String> load(Connection connection) throws SQLException {
        Map<String, String> loaded = new HashMap<>();
        try (PreparedStatement select = connection
                .prepareStatement("select branch_id, region_id from branch_directory");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                loaded.put(rows.getString(1), rows.getString(2));
            }
        }
        return Map.copyOf(loaded);
    }
}
