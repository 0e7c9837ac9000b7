package io.windbell.journey.query;

import java.time.Instant;

import io.windbell.contracts.journey.InterruptionReason;

/** One interruption of a journey and, once it resumed, when and on which channel. */
public record InterruptionView(InterruptionReason reason, String touchpoint, Integer stepOrder, String channel,
        String errorCode, Instant interruptedAt, Instant resumedAt, String resumedChannel) {
}
