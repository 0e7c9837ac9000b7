package io.windbell.survey.rule.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.windbell.config.VersionedStore.Stored;
import io.windbell.contracts.Identifiers;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.platform.json.IsoDuration;
import io.windbell.platform.problem.Violation;
import io.windbell.survey.rule.SurveyRule;

/**
 * A survey rule version as the API reads and writes it. Durations are ISO-8601 strings ({@code "PT10M"}), instants
 * ISO-8601 timestamps. The read-only fields may be sent back unchanged and are ignored: the server assigns them.
 */
@Schema(name = "SurveyRule")
public record RuleDocument(
        @Schema(examples = "WEALTH_INTERRUPTED", pattern = Identifiers.SURVEY_CODE_REGEX) String code,
        @Schema(readOnly = true, description = "assigned by the server: 1, then +1 for every change") Integer version,
        @Schema(readOnly = true, description = "false once retired") Boolean active,
        @Schema(examples = "Interrupted wealth purchases") String name,
        @Schema(description = "the highest priority among the matching rules wins", examples = "100") Integer priority,
        SurveyRule.Trigger trigger, Filter filter,
        @Schema(description = "0..1: the share of matching journeys surveyed", examples = "1.0") Double samplingRate,
        @JsonSerialize(using = IsoDuration.class) @Schema(implementation = String.class, examples = "PT10M", description = "how long after the trigger the invitation is delivered") Duration delay,
        Expiry expiry,
        @Schema(description = "0..10 questions besides the anchor question", examples = "3") Integer maxQuestions,
        AnchorMetric anchorMetric,
        @Schema(description = "absent: the customer's preference, else APP_PUSH") DeliveryChannel channel,
        @Schema(examples = "WEALTH_EFFORT", pattern = Identifiers.SURVEY_CODE_REGEX) String surveyCode,
        @Schema(readOnly = true) Instant createdAt, @Schema(readOnly = true) String createdBy) {

    /** Which journeys the rule applies to; an empty or absent list means "any". */
    @Schema(name = "SurveyRuleFilter")
    public record Filter(@Schema(examples = "[\"WEALTH_PURCHASE\"]") List<String> journeys,
            @Schema(examples = "[\"DURING_INVESTING\"]") List<String> phases,
            @Schema(description = "JOURNEY_INTERRUPTED rules only") List<InterruptionReason> reasons,
            @Schema(examples = "[\"MOBILE_APP\"]") List<String> channels) {
    }

    /** When an invitation stops being answerable: at least one of {@code after} and {@code at}. */
    @Schema(name = "SurveyRuleExpiry")
    public record Expiry(
            @JsonSerialize(using = IsoDuration.class) @Schema(implementation = String.class, examples = "P3D", description = "after delivery") Duration after,
            @Schema(description = "an absolute end, e.g. of a campaign") Instant at,
            @Schema(description = "expire as soon as the journey moves on") Boolean onJourneyProgress,
            @Schema(description = "expire when a recovery work order is opened or resolved") Boolean onRecovery) {
    }

    static RuleDocument of(Stored<SurveyRule> stored) {
        SurveyRule r = stored.value();
        SurveyRule.Filter f = r.filter();
        SurveyRule.Expiry e = r.expiry();
        return new RuleDocument(r.code(), r.version(), stored.active(), r.name(), r.priority(), r.trigger(),
                new Filter(f.journeys(), f.phases(), f.reasons(), f.channels()), r.samplingRate(), r.delay(),
                e == null ? null : new Expiry(e.after(), e.at(), e.onJourneyProgress(), e.onRecovery()),
                r.maxQuestions(), r.anchorMetric(), r.channel(), r.surveyCode(), stored.createdAt(),
                stored.createdBy());
    }

    /**
     * The candidate rule this document describes, for the validator. Absent numbers become values the validator
     * rejects; what it cannot see (an absent priority, a null reason) is added to {@code violations}.
     */
    SurveyRule toRule(String ruleCode, List<Violation> violations) {
        if (priority == null) {
            violations.add(new Violation("priority", "is required: an integer, the highest wins"));
        }
        List<InterruptionReason> reasons = new ArrayList<>();
        if (filter != null && filter.reasons() != null) {
            for (int i = 0; i < filter.reasons().size(); i++) {
                InterruptionReason reason = filter.reasons().get(i);
                if (reason == null) {
                    violations.add(new Violation("filter.reasons[" + i + "]", "must be TIMEOUT, FAILURE or ABANDONED"));
                } else {
                    reasons.add(reason);
                }
            }
        }
        SurveyRule.Filter candidateFilter = filter == null ? SurveyRule.Filter.ANY
                : new SurveyRule.Filter(blankForNull(filter.journeys()), blankForNull(filter.phases()), reasons,
                        blankForNull(filter.channels()));
        SurveyRule.Expiry candidateExpiry = expiry == null ? null : new SurveyRule.Expiry(expiry.after(), expiry.at(),
                Boolean.TRUE.equals(expiry.onJourneyProgress()), Boolean.TRUE.equals(expiry.onRecovery()));
        return new SurveyRule(ruleCode, 0, name, true, priority == null ? 0 : priority, trigger, candidateFilter,
                samplingRate == null ? Double.NaN : samplingRate, delay, candidateExpiry,
                maxQuestions == null ? -1 : maxQuestions, anchorMetric, channel, surveyCode);
    }

    private static List<String> blankForNull(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }
}
