package io.windbell.workorder.special;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderResolved.RootCause;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.WorkOrder;

/** Which patterns a case takes part in, and the watch of a done task. */
class PatternKeysTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void anOpenedCaseHasItsTouchpointAndErrorKeysInThatOrder() {
        WorkOrder kase = order(WorkOrderType.RECOVERY);
        kase.touchpointCode = "transfer.submit";
        kase.errorCode = "E42";
        assertThat(PatternKeys.opened(kase)).extracting(PatternKey::value).containsExactly("touchpoint:transfer.submit",
                "error:E42");
        kase.touchpointCode = null;
        assertThat(PatternKeys.opened(kase)).extracting(PatternKey::value).containsExactly("error:E42");
    }

    @Test
    void aResolvedCaseHasItsRootCauseCodeElseItsCategoryAtItsTouchpoint() {
        WorkOrder kase = order(WorkOrderType.CALLBACK);
        kase.touchpointCode = "loan.apply";
        kase.rootCause = RootCause.SYSTEM;
        assertThat(PatternKeys.resolved(kase)).extracting(PatternKey::value)
                .containsExactly("root-cause:SYSTEM@loan.apply");
        kase.rootCauseCode = "OCR_FAIL";
        assertThat(PatternKeys.resolved(kase)).extracting(PatternKey::value).containsExactly("root-cause:OCR_FAIL");
        kase.rootCauseCode = null;
        kase.rootCause = RootCause.OTHER;
        assertThat(PatternKeys.resolved(kase)).as("OTHER shares nothing").isEmpty();
    }

    @Test
    void aSpecialTaskHasNoKeys() {
        WorkOrder task = order(WorkOrderType.SPECIAL_TASK);
        task.touchpointCode = "transfer.submit";
        task.rootCauseCode = "OCR_FAIL";
        assertThat(PatternKeys.opened(task)).isEmpty();
        assertThat(PatternKeys.resolved(task)).isEmpty();
    }

    @Test
    void aManualKeyIsItsOwn() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(PatternKey.manual(id).value()).isEqualTo("manual:00000000-0000-0000-0000-000000000001");
        assertThat(PatternKey.rootCauseCode("X").countsResolutions()).isTrue();
        assertThat(PatternKey.touchpoint("a.b").countsResolutions()).isFalse();
    }

    @Test
    void theWatchRunsForItsPeriodFromTheClosing() {
        Duration period = Duration.ofDays(30);
        assertThat(WatchState.of(null, period, NOW)).isEqualTo(new WatchState(WatchState.State.OPEN, null));
        Instant closed = NOW.minus(Duration.ofDays(29));
        assertThat(WatchState.of(closed, period, NOW))
                .isEqualTo(new WatchState(WatchState.State.WATCHING, Instant.parse("2026-03-03T08:00:00Z")));
        assertThat(WatchState.of(NOW.minus(period), period, NOW).state()).as("the end is not watched")
                .isEqualTo(WatchState.State.ENDED);
    }

    private static WorkOrder order(WorkOrderType type) {
        return WorkOrder.draft(type, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.NORMAL, "t", NOW);
    }
}
