package io.windbell.workorder.special;

import java.time.Instant;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;

/**
 * What special tasks do with scoring's touchpoint alerts (called by intake inside the message's transaction): a
 * degradation opens or joins a special task, or flags a closed one whose problem came back; a recovery is recorded.
 */
public interface TouchpointAlerts {

    Uni<Void> degraded(TouchpointDegradedAlert alert, Instant now, String traceparent);

    Uni<Void> recovered(TouchpointRecoveredAlert alert, Instant now, String traceparent);
}
