package io.windbell.scoring.driver;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.platform.security.DataScope;
import io.windbell.scoring.ScoringConfig;

/** Driver analysis of one journey: the window's observations in the caller's scope, the design, the regression. */
@ApplicationScoped
public class DriverAnalysis {

    private final DataSource dataSource;
    private final DriverStore store;
    private final DriverConfig config;
    private final ScoringConfig scoring;

    public DriverAnalysis(DataSource dataSource, DriverStore store, DriverConfig config, ScoringConfig scoring) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
        this.scoring = scoring;
    }

    /**
     * @param from
     *            the first bank day of the window
     * @param to
     *            the last bank day of the window (included)
     * @param metric
     *            the anchor to regress, {@code null} for the one most of the window's responses carry
     * @param filter
     *            empty when the caller asked outside their scope: the answer is then the same as for no responses
     */
    public DriverReport analyse(String journey, AnchorMetric metric, LocalDate from, LocalDate to,
            Optional<DataScope.Filter> filter) throws SQLException {
        List<DriverDesign.Observation> observations = List.of();
        AnchorMetric anchor = metric;
        // the bank days as the instants they span: the observations are indexed by response time
        Instant start = from.atStartOfDay(scoring.timeZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(scoring.timeZone()).toInstant();
        if (filter.isPresent()) {
            DataScope.Filter scope = filter.get();
            Loaded loaded = Transactions.inTransaction(dataSource, connection -> {
                AnchorMetric chosen = metric != null ? metric
                        : store.dominantMetric(connection, journey, start, end, scope);
                return new Loaded(chosen,
                        chosen == null ? List.of() : store.load(connection, journey, chosen, start, end, scope));
            });
            anchor = loaded.metric();
            observations = loaded.observations();
        }
        DriverDesign design = DriverDesign.of(observations, config.minCoverage(), config.maxFactors());
        return report(journey, anchor, from, to, design, lowSampleSize(design.factors().size()));
    }

    private record Loaded(AnchorMetric metric, List<DriverDesign.Observation> observations) {
    }

    /** Fewer complete observations than this flag the model {@code lowSample}. */
    int lowSampleSize(int factors) {
        return Math.max(scoring.lowSampleSize(), config.observationsPerFactor() * factors);
    }

    /** The answer for a design: the fitted model, flagged, or why there is none. */
    static DriverReport report(String journey, AnchorMetric metric, LocalDate from, LocalDate to, DriverDesign design,
            int lowSampleSize) {
        String anchor = metric == null ? null : metric.name();
        if (design.observations() == 0) {
            return new DriverReport(journey, from, to, anchor, DriverReport.Status.INSUFFICIENT,
                    "no responses in the window", true, 0, 0, null, null, null, null, DriverReport.METHOD, List.of(),
                    List.of());
        }
        DriverModel model = design.fit();
        if (model.status() == DriverModel.Status.INSUFFICIENT) {
            return new DriverReport(journey, from, to, anchor, DriverReport.Status.INSUFFICIENT, model.reason(), true,
                    design.observations(), model.n(), null, null, null, null, DriverReport.METHOD, List.of(),
                    design.excluded());
        }
        boolean low = model.n() < lowSampleSize;
        return new DriverReport(journey, from, to, anchor,
                low ? DriverReport.Status.LOW_SAMPLE : DriverReport.Status.OK,
                low ? model.n() + " complete observations, fewer than " + lowSampleSize : null, low,
                design.observations(), model.n(), DriverReport.finite(model.rSquared()),
                DriverReport.finite(model.adjustedRSquared()), DriverReport.finite(model.fStatistic()),
                DriverReport.finite(model.fPValue()), DriverReport.METHOD,
                model.effects().stream().map(DriverReport.Factor::of).toList(), design.excluded());
    }
}
