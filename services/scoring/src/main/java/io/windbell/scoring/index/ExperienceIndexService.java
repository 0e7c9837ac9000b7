package io.windbell.scoring.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.platform.jdbc.Transactions;
import io.windbell.platform.security.DataScope;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.rollup.RollupReader;
import io.windbell.scoring.rollup.ScoreCounts;
import io.windbell.scoring.stats.Estimate;

/**
 * The experience index of the bank, a journey or a touchpoint over a period of the bank's days, within the caller's
 * scope, by the model in force. Reads period totals from the rollups in one read-only snapshot.
 */
@ApplicationScoped
public class ExperienceIndexService {

    /** What the index is about. */
    public enum Level {
        BANK, JOURNEY, TOUCHPOINT
    }

    /**
     * One index answer.
     *
     * @param code
     *            the journey or touchpoint; {@code null} for the bank
     */
    public record Answer(Level level, String code, LocalDate from, LocalDate to, IndexModel model, int minimumSample,
            ExperienceIndex.Result result) {
    }

    private final DataSource dataSource;
    private final RollupReader rollups;
    private final IndexModelCatalog models;
    private final ScoringConfig config;

    ExperienceIndexService(DataSource dataSource, RollupReader rollups, IndexModelCatalog models,
            ScoringConfig config) {
        this.dataSource = dataSource;
        this.rollups = rollups;
        this.models = models;
        this.config = config;
    }

    /**
     * The index of one subject over {@code [from, to]}; a caller asking outside their scope ({@code filter} empty) gets
     * an index of nothing (no value, coverage 0), never the numbers.
     */
    public Answer index(Level level, String code, LocalDate from, LocalDate to, Optional<DataScope.Filter> filter)
            throws SQLException {
        IndexModel model = models.inForce();
        IndexInputs inputs = inputs(from, to, filter);
        Map<Component, Estimate> raw = switch (level) {
        case BANK -> inputs.bank();
        case JOURNEY -> inputs.journey(code);
        case TOUCHPOINT -> inputs.touchpoint(code);
        };
        int minimumSample = minimumSample(model);
        return new Answer(level, code, from, to, model, minimumSample, ExperienceIndex.of(raw, model, minimumSample));
    }

    /** The model in force now (configured or built-in). */
    public IndexModel model() {
        return models.inForce();
    }

    /** The model's minimum sample per component, else {@code windbell.scoring.low-sample-size}. */
    public int minimumSample(IndexModel model) {
        return model.minimumSample() == null ? config.lowSampleSize() : model.minimumSample();
    }

    /** The period totals of {@code [from, to]} in one read-only snapshot; nothing when {@code filter} is empty. */
    public IndexInputs inputs(LocalDate from, LocalDate to, Optional<DataScope.Filter> filter) throws SQLException {
        if (filter.isEmpty()) {
            return IndexInputs.EMPTY;
        }
        DataScope.Filter scope = filter.get();
        return Transactions.inTransaction(dataSource, connection -> {
            readOnlySnapshot(connection);
            Map<String, ScoreCounts> bank = new HashMap<>();
            Map<String, Map<String, ScoreCounts>> byJourney = new HashMap<>();
            for (String metric : IndexInputs.ANCHORS) {
                ScoreCounts all = rollups.responsesBy(connection, metric, "all", from, to, scope)
                        .get(Attribution.UNKNOWN);
                if (all != null) {
                    bank.put(metric, all);
                }
                byJourney.put(metric, rollups.responsesBy(connection, metric, "journey", from, to, scope));
            }
            return new IndexInputs(bank, byJourney, rollups.factors(connection, from, to, scope),
                    rollups.touchpoints(connection, from, to, scope), rollups.journeys(connection, from, to, scope));
        });
    }

    /** Every total of one answer from one snapshot, so that a fold committing meanwhile cannot tear it. */
    private static void readOnlySnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
    }
}
