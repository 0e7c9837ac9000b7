package io.windbell.scoring.metrics.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.security.DataScope;
import io.windbell.platform.versioning.Versioning;
import io.windbell.scoring.ScoringAccess;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.metrics.TouchpointOData;
import io.windbell.scoring.metrics.TouchpointODataQuery;
import io.windbell.scoring.rollup.DayRange;
import io.windbell.scoring.stats.Estimate;

/** The behaviour (O-data) of one touchpoint, within the caller's branch or region. */
@Path("/v1/touchpoints/{touchpointCode}/odata")
@Tag(name = "metrics", description = "X-data and O-data metrics from the rollups")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class TouchpointODataResource {

    private final TouchpointODataQuery odata;
    private final SecurityIdentity identity;
    private final ScoringConfig config;

    TouchpointODataResource(TouchpointODataQuery odata, SecurityIdentity identity, ScoringConfig config) {
        this.odata = odata;
        this.identity = identity;
        this.config = config;
    }

    /** A share with its margin of error. */
    @Schema(name = "Rate")
    public record RateDocument(@Schema(description = "0..1; null without events") Double value,
            @Schema(description = "95% margin of error; null when not defined") Double marginOfError95) {

        static RateDocument of(Estimate estimate) {
            return new RateDocument(MetricsResource.finite(estimate.value()),
                    estimate.defined() ? MetricsResource.finite(estimate.marginOfError95()) : null);
        }
    }

    /** Failures with one error code. */
    @Schema(name = "ErrorCount")
    public record ErrorDocument(String errorCode, long n) {
    }

    /** The O-data of one touchpoint. */
    @Schema(name = "TouchpointOData")
    public record ODataDocument(String touchpoint, LocalDate from, LocalDate to, String channel,
            @Schema(description = "every event, INFO included") long events,
            @Schema(description = "events with an outcome (SUCCESS, FAILURE, ABANDONED): the rates' denominator") long n,
            RateDocument successRate, RateDocument errorRate, RateDocument abandonmentRate,
            @Schema(description = "the 20 most frequent error codes, most frequent first; over every channel") List<ErrorDocument> errorsByCode,
            @Schema(description = "median duration, ms (HdrHistogram, within 1%)") Double durationP50Ms,
            @Schema(description = "90th percentile duration, ms (within 1%)") Double durationP90Ms,
            @Schema(description = "n is below windbell.scoring.low-sample-size") boolean lowSample) {
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "Success, error and abandonment rates, error codes and durations of one touchpoint", description = "Over bank days [from, to] (default: the last 30 days; at most 400), optionally "
            + "for one channel. Branch managers see their branch, regional managers their region only; asking for "
            + "another answers zero events.")
    @APIResponse(responseCode = "200", description = "the touchpoint's O-data (zero events when nothing is in scope)")
    @APIResponse(responseCode = "400", description = "invalid parameters, one violation each")
    public ODataDocument odata(@PathParam("touchpointCode") String touchpointCode,
            @Parameter(description = "first bank day, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "last bank day, yyyy-MM-dd (included)") @QueryParam("to") String to,
            @QueryParam("branchId") String branchId, @QueryParam("regionId") String regionId,
            @Parameter(description = "channel code, e.g. MOBILE_APP") @QueryParam("channel") String channel) {
        QueryParams params = new QueryParams();
        String touchpoint = params.requiredId("touchpointCode", touchpointCode, Identifiers::isTouchpointCode,
                Identifiers.TOUCHPOINT_CODE_REGEX);
        LocalDate[] days = DayRange.parse(params, from, to);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String channelCode = params.id("channel", channel, Identifiers::isChannelCode, Identifiers.CHANNEL_CODE_REGEX);
        params.check();
        List<Violation> violations = new ArrayList<>();
        DayRange range = DayRange.of(days[0], days[1], config.timeZone(), Instant.now(), violations);
        Versioning.requireValid(List.of(), violations);

        // out of scope: the summary of no events, in the same shape
        Optional<DataScope.Filter> scope = ScoringAccess.narrow(identity, branch, region);
        TouchpointOData summary = scope
                .map(filter -> odata.summary(touchpoint, range.from(), range.to(), channelCode, filter))
                .orElseGet(() -> odata.nothing(touchpoint, range.from(), range.to(), channelCode));
        return new ODataDocument(summary.touchpoint(), summary.from(), summary.to(), summary.channel(),
                summary.events(), summary.successRate().n(), RateDocument.of(summary.successRate()),
                RateDocument.of(summary.errorRate()), RateDocument.of(summary.abandonmentRate()),
                summary.errorsByCode().stream().map(e -> new ErrorDocument(e.errorCode(), e.n())).toList(),
                MetricsResource.finite(summary.durationP50().value()),
                MetricsResource.finite(summary.durationP90().value()), summary.lowSample());
    }
}
