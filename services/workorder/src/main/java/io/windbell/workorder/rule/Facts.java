package io.windbell.workorder.rule;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.InterruptionReason;

/**
 * What the creation rules look at in a signal, taken from an alert or an interrupted journey.
 *
 * @param signalType
 *            the event type ({@code alert.low-score}, {@code journey.interrupted})
 * @param tier
 *            the customer's tier, {@code null} when not known
 * @param keyNode
 *            whether the touchpoint is a key node of its journey, {@code null} when not known
 */
public record Facts(String signalType, Severity severity, String journeyCode, String touchpointCode, String tier,
        InterruptionReason interruptionReason, Boolean keyNode, String productId) {
}
