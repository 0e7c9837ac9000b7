package io.windbell.survey.assembly.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;

/** Builds one touchpoint visit; a successful app visit at the given minute of a fixed morning unless told. */
public final class VisitBuilder {

    /** The fixed start of every test journey: no clock in tests either. */
    public static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private final String code;
    private OffsetDateTime at;
    private String channel = "APP";
    private Outcome outcome = Outcome.SUCCESS;
    private Long durationMs;
    private String errorCode;
    private String branchId;
    private String employeeId;
    private String productId;
    private Boolean keyNode;

    private VisitBuilder(String code, int minute) {
        this.code = code;
        this.at = T0.plusMinutes(minute);
    }

    public static VisitBuilder visit(String code, int minute) {
        return new VisitBuilder(code, minute);
    }

    public VisitBuilder channel(String channel) {
        this.channel = channel;
        return this;
    }

    public VisitBuilder failed(String errorCode) {
        this.outcome = Outcome.FAILURE;
        this.errorCode = errorCode;
        return this;
    }

    public VisitBuilder outcome(Outcome outcome) {
        this.outcome = outcome;
        return this;
    }

    public VisitBuilder errorCode(String errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    public VisitBuilder took(long millis) {
        this.durationMs = millis;
        return this;
    }

    public VisitBuilder keyNode() {
        this.keyNode = Boolean.TRUE;
        return this;
    }

    public VisitBuilder branch(String branchId) {
        this.branchId = branchId;
        return this;
    }

    public VisitBuilder employee(String employeeId) {
        this.employeeId = employeeId;
        return this;
    }

    public VisitBuilder product(String productId) {
        this.productId = productId;
        return this;
    }

    public TouchpointVisit build() {
        return new TouchpointVisit(code, channel, outcome, at, durationMs, errorCode, branchId, employeeId, productId,
                keyNode);
    }
}
