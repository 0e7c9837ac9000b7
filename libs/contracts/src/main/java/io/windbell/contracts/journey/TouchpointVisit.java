package io.windbell.contracts.journey;

import java.time.OffsetDateTime;

import io.windbell.contracts.touchpoint.Outcome;

/**
 * One touchpoint a journey went through, copied from {@code touchpoint.recorded} so that survey, scoring and workorder
 * can explain and attribute a journey without calling back.
 *
 * @param code
 *            the touchpoint code of the catalog (e.g. {@code wealth.risk_assessment})
 * @param occurredAt
 *            client time with its offset: the customer's local time of day matters to analysts
 * @param keyNode
 *            whether the visit was at a key node of the journey definition (survey asks about those first);
 *            {@code null} when the producer does not know
 */
public record TouchpointVisit(String code, String channel, Outcome outcome, OffsetDateTime occurredAt, Long durationMs,
        String errorCode, String branchId, String employeeId, String productId, Boolean keyNode) {
}
