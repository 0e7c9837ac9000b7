package io.windbell.workorder.special;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;

/** SKELETON ONLY, replaced by special tasks: touchpoint alerts change nothing. */
@ApplicationScoped
@DefaultBean
public class IgnoredTouchpointAlerts implements TouchpointAlerts {

    @Override
    public Uni<Void> degraded(TouchpointDegradedAlert alert, Instant now, String traceparent) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> recovered(TouchpointRecoveredAlert alert, Instant now, String traceparent) {
        return Uni.createFrom().voidItem();
    }
}
