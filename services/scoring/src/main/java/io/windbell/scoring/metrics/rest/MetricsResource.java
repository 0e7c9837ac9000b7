package io.windbell.scoring.metrics.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import io.windbell.scoring.metrics.Bucket;
import io.windbell.scoring.metrics.Metric;
import io.windbell.scoring.metrics.MetricPoint;
import io.windbell.scoring.metrics.MetricRequest;
import io.windbell.scoring.metrics.MetricsQuery;
import io.windbell.scoring.metrics.Source;
import io.windbell.scoring.rollup.DayRange;
import io.windbell.scoring.stats.Estimate;

/**
 * Any metric by dimension, place and time bucket. Analysts and admins see every branch; a branch manager only their
 * branch and a regional manager only their region: asking for another one answers no points, never the numbers.
 */
@Path("/v1/metrics")
@Tag(name = "metrics", description = "X-data and O-data metrics from the rollups")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class MetricsResource {

    private final MetricsQuery metrics;
    private final SecurityIdentity identity;
    private final ScoringConfig config;

    MetricsResource(MetricsQuery metrics, SecurityIdentity identity, ScoringConfig config) {
        this.metrics = metrics;
        this.identity = identity;
        this.config = config;
    }

    /** One point of a series. */
    @Schema(name = "MetricPoint")
    public record PointDocument(@Schema(description = "first bank day of the bucket") LocalDate bucketStart,
            @Schema(description = "dimension name to value ('' = unknown); empty without groupBy") Map<String, String> group,
            @Schema(description = "the metric's value; null without data") Double value,
            @Schema(description = "answers, events or journeys the value is computed from") long n,
            @Schema(description = "half width of the 95% confidence interval; null when not defined (percentiles, n < 2)") Double marginOfError95,
            @Schema(description = "n is below windbell.scoring.low-sample-size") boolean lowSample,
            @Schema(description = "the counts behind the value (promoters, successes, …)") Map<String, Long> components) {

        static PointDocument of(MetricPoint point) {
            Estimate estimate = point.estimate();
            return new PointDocument(point.bucketStart(), point.group(), finite(estimate.value()), estimate.n(),
                    estimate.defined() ? finite(estimate.marginOfError95()) : null, point.lowSample(),
                    point.components());
        }
    }

    /** A metric series. */
    @Schema(name = "MetricSeries")
    public record SeriesDocument(Metric metric, List<String> groupBy, Bucket bucket, LocalDate from, LocalDate to,
            @Schema(description = "by bucket, then group values (byte order); buckets and groups without data are absent") List<PointDocument> points) {
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "A metric by dimension and time bucket", description = "Sums the rollup day rows of bank days "
            + "[from, to] (default: the last 30 days; at most 400) per bucket (DAY, ISO WEEK from Monday, calendar "
            + "MONTH, or TOTAL) and group. groupBy is one dimension of the metric, optionally with branch or region "
            + "(e.g. journey,branch), or just branch or region. Branch managers see their branch, regional managers "
            + "their region only.")
    @APIResponse(responseCode = "200", description = "the series (no points outside the caller's scope)")
    @APIResponse(responseCode = "400", description = "invalid parameters, one violation each")
    public SeriesDocument series(
            @Parameter(description = "NPS, CSAT_TOP2, CSAT_MEAN, CES_MEAN, CES_HARD_SHARE, RESPONSE_RATE, "
                    + "FACTOR_SCORE, SUCCESS_RATE, ERROR_RATE, ABANDONMENT_RATE, DURATION_P50, DURATION_P90, "
                    + "COMPLETION_RATE, INTERRUPTION_RATE, CHANNEL_SWITCH_RATE, TIME_TO_COMPLETE_P50, "
                    + "TIME_TO_COMPLETE_P90", required = true) @QueryParam("metric") String metric,
            @Parameter(description = "a dimension of the metric and/or branch or region, comma-separated") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "DAY, WEEK, MONTH or TOTAL (default)") @QueryParam("bucket") String bucket,
            @Parameter(description = "first bank day, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "last bank day, yyyy-MM-dd (included)") @QueryParam("to") String to,
            @QueryParam("branchId") String branchId, @QueryParam("regionId") String regionId,
            @Parameter(description = "journey definition code (journey metrics, FACTOR_SCORE)") @QueryParam("journey") String journey,
            @Parameter(description = "touchpoint code (touchpoint metrics, FACTOR_SCORE)") @QueryParam("touchpoint") String touchpoint) {
        QueryParams params = new QueryParams();
        params.requiredId("metric", metric, value -> true, "");
        Metric chosen = params.oneOf("metric", metric, Metric.class);
        Bucket chosenBucket = params.oneOf("bucket", bucket, Bucket.class);
        LocalDate[] days = DayRange.parse(params, from, to);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String journeyCode = params.id("journey", journey, Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX);
        String touchpointCode = params.id("touchpoint", touchpoint, Identifiers::isTouchpointCode,
                Identifiers.TOUCHPOINT_CODE_REGEX);
        params.check();

        List<Violation> violations = new ArrayList<>();
        DayRange range = DayRange.of(days[0], days[1], config.timeZone(), Instant.now(), violations);
        Grouping grouping = Grouping.parse(groupBy, chosen.source(), violations);
        filterOf(chosen, "journey", journeyCode, violations);
        filterOf(chosen, "touchpoint", touchpointCode, violations);
        Versioning.requireValid(List.of(), violations);

        Bucket resolved = chosenBucket == null ? Bucket.TOTAL : chosenBucket;
        MetricRequest request = new MetricRequest(chosen, grouping.dimension(), grouping.place(), resolved,
                range.from(), range.to(), journeyCode, touchpointCode, null);
        Optional<DataScope.Filter> scope = ScoringAccess.narrow(identity, branch, region);
        List<PointDocument> points = scope.isEmpty() ? List.of()
                : metrics.query(request, scope.get()).stream().map(PointDocument::of).toList();
        return new SeriesDocument(chosen, grouping.names(), resolved, range.from(), range.to(), points);
    }

    /** A journey or touchpoint filter is only for metrics whose rollup has that column. */
    private static void filterOf(Metric metric, String dimension, String value, List<Violation> violations) {
        if (value != null && !metric.source().columnDimensions().contains(dimension)) {
            violations.add(new Violation(dimension, "is not a filter of " + metric));
        }
    }

    /** A finite double or {@code null} (JSON has no NaN). */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The parsed {@code groupBy}: at most one dimension of the metric's source and one place. */
    record Grouping(String dimension, MetricRequest.Place place, List<String> names) {

        static Grouping parse(String groupBy, Source source, List<Violation> violations) {
            String dimension = null;
            MetricRequest.Place place = null;
            List<String> names = new ArrayList<>();
            if (groupBy == null || groupBy.isBlank()) {
                return new Grouping(null, null, names);
            }
            for (String part : groupBy.split(",", -1)) {
                String name = part.trim();
                names.add(name);
                if (name.equals(MetricRequest.Place.BRANCH.code()) || name.equals(MetricRequest.Place.REGION.code())) {
                    if (place != null) {
                        violations.add(new Violation("groupBy", "at most one of branch and region"));
                    }
                    place = name.equals("branch") ? MetricRequest.Place.BRANCH : MetricRequest.Place.REGION;
                } else if (!source.dimensions().contains(name)) {
                    violations.add(new Violation("groupBy",
                            "the metric's dimensions are " + source.dimensions() + ", plus branch or region"));
                } else if (dimension != null) {
                    violations.add(new Violation("groupBy", "at most one dimension besides branch or region"));
                } else {
                    dimension = name;
                }
            }
            return new Grouping(dimension, place, List.copyOf(names));
        }
    }
}
