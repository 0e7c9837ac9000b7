package io.windbell.scoring.silent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.reference.CustomerProfile;
import io.windbell.scoring.support.InsightEvents;

/** What one batch of events makes of a customer's stored state, without a database. */
class SilentFoldTest {

    static final Instant T = Instant.parse("2025-03-10T08:00:00Z");
    static final Attribution ATTRIBUTION = new Attribution(Map.of("C1", new CustomerProfile("mass", "BHOME")),
            Map.of("BHOME", "R1", "B9", "R9"), ZoneId.of("Asia/Shanghai"));

    static SilentScoring scoring() {
        return new SilentScoring(new TestConfig());
    }

    @Test
    void aRepeatedKeyVisitIsJudgedOnceAcrossEventsAndBatches() {
        SilentFold fold = new SilentFold(null, null, scoring());
        TouchpointVisit slow = InsightEvents.visit("loan.credit_check", Outcome.SUCCESS, 120_000, true, T);
        TouchpointVisit fast = InsightEvents.visit("loan.submit", Outcome.FAILURE, 1_000, true, T.plusSeconds(60));
        JourneySummary first = InsightEvents.journey("LOAN_APPLY", "C1", JourneyStatus.IN_PROGRESS, List.of(slow), T);
        JourneySummary second = InsightEvents.journey("LOAN_APPLY", "C1", JourneyStatus.INTERRUPTED,
                List.of(slow, fast), T.plusSeconds(120));
        Map<String, SilentFold.Gathered> batch = new TreeMap<>();
        SilentFold.gather(InsightEvents.progressed(first, "loan.credit_check", T), batch);
        SilentFold.gather(InsightEvents.interrupted(second, InterruptionReason.FAILURE, fast, T.plusSeconds(120)),
                batch);
        Map<String, Long> thresholds = Map.of("loan.credit_check", 60_000L, "loan.submit", 60_000L);

        SilentStore.Customer after = fold.next("C1", null, batch.get("C1"), thresholds, ATTRIBUTION);

        assertThat(after.state().entries()).extracting(RiskState.Entry::detail).containsExactly(
                "1 interrupted journey at loan.submit (FAILURE)",
                "1 slow key step at loan.credit_check (above the touchpoint's p90)");
        assertThat(after.visitWatermark()).isEqualTo(T.plusSeconds(60));
        // the same journey again in a later batch adds nothing
        Map<String, SilentFold.Gathered> again = new TreeMap<>();
        SilentFold.gather(InsightEvents.progressed(second, "loan.submit", T.plusSeconds(130)), again);
        assertThat(fold.next("C1", after, again.get("C1"), thresholds, ATTRIBUTION).state().entries())
                .isEqualTo(after.state().entries());
    }

    @Test
    void theBranchIsTheLatestAssistedVisitElseHome() {
        SilentFold fold = new SilentFold(null, null, scoring());
        Map<String, SilentFold.Gathered> batch = new TreeMap<>();
        SilentFold.gather(InsightEvents.touchpoint("C1", "loan.submit", Outcome.FAILURE, "E1", null, T), batch);
        SilentStore.Customer home = fold.next("C1", null, batch.get("C1"), Map.of(), ATTRIBUTION);
        SilentFold.gather(InsightEvents.touchpoint("C1", "loan.submit", Outcome.SUCCESS, null, "B9", T.plusSeconds(5)),
                batch);
        SilentStore.Customer assisted = fold.next("C1", home, batch.get("C1"), Map.of(), ATTRIBUTION);

        assertThat(home.branchId()).isEqualTo("BHOME");
        assertThat(home.regionId()).isEqualTo("R1");
        assertThat(assisted.branchId()).isEqualTo("B9");
        assertThat(assisted.regionId()).isEqualTo("R9");
    }

    /** The defaults of application.properties. */
    static final class TestConfig implements SilentConfig {

        record Values(double failure, double interruption, double slowKeyStep, double abandonment)
                implements PerSignal {
        }

        @Override
        public PerSignal weights() {
            return new Values(3, 5, 2, 4);
        }

        @Override
        public PerSignal caps() {
            return new Values(12, 15, 6, 12);
        }

        @Override
        public Duration halfLife() {
            return Duration.ofDays(14);
        }

        @Override
        public Duration lookback() {
            return Duration.ofDays(30);
        }

        @Override
        public double scale() {
            return 10;
        }

        @Override
        public int minScore() {
            return 40;
        }

        @Override
        public int maxEntries() {
            return 12;
        }

        @Override
        public Slow slow() {
            return null;
        }

        @Override
        public Duration purgeInterval() {
            return Duration.ofHours(1);
        }
    }
}
