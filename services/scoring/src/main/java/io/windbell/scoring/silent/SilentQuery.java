package io.windbell.scoring.silent;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.platform.jdbc.Transactions;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.security.DataScope;

/** The silent-detractor listing: highest score first, by cursor, within the caller's scope. */
@ApplicationScoped
public class SilentQuery {

    private final DataSource dataSource;
    private final SilentStore store;
    private final SilentScoring scoring;

    public SilentQuery(DataSource dataSource, SilentStore store, SilentScoring scoring) {
        this.dataSource = dataSource;
        this.store = store;
        this.scoring = scoring;
    }

    /**
     * @param filter
     *            empty when the caller asked outside their scope: an empty page
     * @param after
     *            the decoded cursor, {@code null} for the first page
     */
    public Page<SilentDetractor> list(Optional<DataScope.Filter> filter, double minScore, SilentStore.After after,
            int limit, Instant now) throws SQLException {
        if (filter.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        RiskFormula formula = scoring.formula();
        double minRankKey = formula.rankKeyAt(formula.pointsFor(minScore), now);
        if (Double.isInfinite(minRankKey) && minRankKey > 0) {
            return new Page<>(List.of(), null);
        }
        Instant horizon = now.minus(scoring.config().lookback());
        List<SilentStore.Listed> rows = Transactions.inTransaction(dataSource,
                connection -> store.page(connection, filter.get(), minRankKey, horizon, after, limit + 1));
        List<SilentDetractor> items = rows.stream().limit(limit).map(row -> view(row.customer(), formula, now))
                .toList();
        String next = null;
        if (rows.size() > limit) {
            SilentStore.Listed last = rows.get(limit - 1);
            next = Cursor.encode(Double.toString(last.rankKey()), last.customer().customerId());
        }
        return new Page<>(items, next);
    }

    static SilentDetractor view(SilentStore.Customer customer, RiskFormula formula, Instant now) {
        RiskState state = customer.state();
        double decay = formula.decay(state.asOf(), now);
        List<SilentDetractor.Reason> reasons = state.entries().stream()
                .map(e -> new SilentDetractor.Reason(e.signal(), e.count(), round(e.points() * decay, 100), e.detail()))
                .toList();
        return new SilentDetractor(customer.customerId(), customer.branchId(), customer.regionId(),
                round(state.score(formula, now), 10), round(state.points() * decay, 100), state.lastSignalAt(),
                reasons);
    }

    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}
