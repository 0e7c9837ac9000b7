package io.windbell.survey.invitation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.AssemblyResult;
import io.windbell.survey.assembly.SurveyAssembler;
import io.windbell.survey.budget.ContactBudget;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.norms.NormsCache;
import io.windbell.survey.preference.ContactPreference;
import io.windbell.survey.preference.PreferenceRepository;
import io.windbell.survey.recovery.RecoveryRepository;

/**
 * The one way an invitation comes to be, for a journey trigger and a recovery follow-up alike, on the caller's
 * transaction: with the customer's budget lock held, screen the customer, assemble the survey, plan the delivery and
 * store the invitation. Every way out is a {@link Decision}, which the caller records.
 */
@ApplicationScoped
public class InvitationCreation {

    private final InvitationRepository invitations;
    private final PreferenceRepository preferences;
    private final RecoveryRepository recoveries;
    private final SurveyCatalog catalog;
    private final NormsCache norms;
    private final DeliveryPlanner planner;
    private final ContactBudget budget;
    private final SurveyAssembler assembler = new SurveyAssembler();

    public InvitationCreation(InvitationRepository invitations, PreferenceRepository preferences,
            RecoveryRepository recoveries, SurveyCatalog catalog, NormsCache norms, DeliveryPlanner planner,
            SurveyConfig config) {
        this.invitations = invitations;
        this.preferences = preferences;
        this.recoveries = recoveries;
        this.catalog = catalog;
        this.norms = norms;
        this.planner = planner;
        this.budget = new ContactBudget(
                config.budget().caps().stream().map(cap -> new ContactBudget.Cap(cap.window(), cap.max())).toList(),
                config.budget().journeyCooldown());
    }

    /**
     * Creates the invitation for {@code cause} if the customer may be asked, the survey can be assembled and it can be
     * delivered before it expires. Takes the customer's budget lock itself (re-entrant within the transaction), so of
     * two causes for one customer at the same instant the second sees the invitation of the first.
     *
     * @param eventId
     *            the CloudEvents id of the triggering event
     * @param traceparent
     *            its trace context, kept with the invitation for {@code survey.invited}; may be {@code null}
     */
    public Decision create(Connection connection, InvitationCause cause, UUID eventId, String traceparent, Instant now)
            throws SQLException {
        invitations.lockCustomer(connection, cause.customerId());
        Optional<ContactPreference> preference = preferences.find(connection, cause.customerId());
        Optional<Refusal> refusal = screen(connection, cause, preference, now);
        if (refusal.isPresent()) {
            return cause.decision(eventId, now, refusal.get().outcome(), null, refusal.get().detail());
        }
        AssembledSurvey survey;
        switch (assemble(connection, cause)) {
        case AssemblyResult.Assembled assembled -> survey = assembled.survey();
        case AssemblyResult.NotAssembled not -> {
            return cause.decision(eventId, now, Decision.Outcome.NOT_ASSEMBLED, null, not.reason());
        }
        }
        Optional<DeliveryPlanner.Plan> plan = planner.plan(now, cause.delay(), cause.expiry(), cause.channel(),
                preference);
        if (plan.isEmpty()) {
            return cause.decision(eventId, now, Decision.Outcome.EXPIRED_BEFORE_SEND, null, cause.expiredBeforeSend());
        }
        UUID invitationId = UUID.randomUUID();
        invitations.insert(connection, cause.invitation(invitationId, survey, plan.get(), eventId, traceparent, now));
        return cause.decision(eventId, now, Decision.Outcome.INVITED, invitationId, cause.invited(plan.get()));
    }

    /**
     * Why the customer may not be asked. A journey passes the contact budget (consent, open recoveries, cooldown,
     * caps); a follow-up only consent, once per work order.
     */
    private Optional<Refusal> screen(Connection connection, InvitationCause cause,
            Optional<ContactPreference> preference, Instant now) throws SQLException {
        boolean doNotSurvey = preference.map(ContactPreference::doNotSurvey).orElse(false);
        return switch (cause) {
        case InvitationCause.Journey journey -> {
            ContactBudget.Customer customer = new ContactBudget.Customer(doNotSurvey,
                    recoveries.openCount(connection, cause.customerId()),
                    invitations.history(connection, cause.customerId(), now.minus(budget.lookBack())));
            yield budget.check(now, journey.context().journey().definitionCode(), customer)
                    .map(r -> new Refusal(Decision.Outcome.valueOf(r.code().name()), r.detail()));
        }
        case InvitationCause.RecoveryFollowUp followUp -> {
            if (invitations.followUpExists(connection, followUp.order().workOrderId())) {
                yield Optional.of(
                        new Refusal(Decision.Outcome.FOLLOW_UP_EXISTS, "work order " + followUp.order().workOrderId()));
            }
            yield doNotSurvey
                    ? Optional.of(new Refusal(Decision.Outcome.DO_NOT_SURVEY, "the customer opted out of surveys"))
                    : Optional.empty();
        }
        };
    }

    /** A journey's survey from its rule; a follow-up asks the metric of the survey whose answer opened the order. */
    private AssemblyResult assemble(Connection connection, InvitationCause cause) throws SQLException {
        return switch (cause) {
        case InvitationCause.Journey journey -> assembler.assemble(journey.rule(), journey.context(),
                catalog.questions(), norms.current(), catalog.names());
        case InvitationCause.RecoveryFollowUp followUp -> {
            Optional<RecoveryRepository.Origin> origin = recoveries.origin(connection,
                    followUp.order().sourceResponseId());
            yield assembler.followUp(InvitationCause.RecoveryFollowUp.SURVEY_CODE,
                    origin.map(RecoveryRepository.Origin::anchorMetric).orElse(AnchorMetric.NPS), catalog.questions(),
                    catalog.names(), origin.map(RecoveryRepository.Origin::definitionCode).orElse(null));
        }
        };
    }

    private record Refusal(Decision.Outcome outcome, String detail) {
    }
}
