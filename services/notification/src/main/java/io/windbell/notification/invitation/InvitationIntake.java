package io.windbell.notification.invitation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Deliveries;
import io.windbell.notification.delivery.DeliveryRequest;
import io.windbell.platform.logging.Mask;

/**
 * Turns {@code survey.invited} into one customer delivery through the adapter of its channel, due when its send window
 * opens and never attempted after it expires; an invitation that cannot go out (no adapter, a window that closes before
 * it opens) is recorded as skipped with the reason, never dropped. Runs inside the message's transaction.
 * <p>
 * The invitation id is the delivery's {@code source_event_id}: the same invitation published again under another event
 * id is still one delivery.
 */
@ApplicationScoped
public class InvitationIntake {

    private static final Logger LOG = Logger.getLogger(InvitationIntake.class);

    private final InvitationAdapters adapters;
    private final InvitationTexts texts;
    private final Deliveries deliveries;
    private final InvitationClock clock;
    private final ZoneId zone;

    public InvitationIntake(InvitationAdapters adapters, InvitationTexts texts, Deliveries deliveries,
            InvitationClock clock, NotificationConfig config) {
        this.adapters = adapters;
        this.texts = texts;
        this.deliveries = deliveries;
        this.clock = clock;
        this.zone = config.timeZone();
    }

    public Uni<Void> apply(SurveyInvited invitation) {
        Optional<InvitationAdapters.Route> route = adapters.of(invitation.channel());
        if (route.isEmpty()) {
            // recorded under the survey channel's own name, so the log shows what was asked for and why nothing went
            return skip(invitation, Channel.of(invitation.channel()),
                    "no adapter for survey channel " + invitation.channel());
        }
        Channel channel = route.get().channel();
        SendWindow.Decision decision = SendWindow.decide(invitation.invitedAt(), invitation.expiresAt(), clock.now(),
                route.get().allowedHours(), zone);
        return switch (decision) {
        case SendWindow.Closed closed -> skip(invitation, channel, closed.reason());
        case SendWindow.Open open -> deliveries
                .enqueue(request(invitation, channel, texts.render(invitation, channel), open.notBefore()))
                .invoke(fresh -> {
                    if (fresh) {
                        LOG.debugf("invitation %s for %s queued on %s, not before %s", invitation.invitationId(),
                                Mask.id(invitation.customerId()), route.get().adapter(), open.notBefore());
                    }
                }).replaceWithVoid();
        };
    }

    private Uni<Void> skip(SurveyInvited invitation, Channel channel, String reason) {
        return deliveries.skip(request(invitation, channel, texts.render(invitation, channel), null), reason)
                .invoke(fresh -> {
                    if (fresh) {
                        LOG.infof("invitation %s for %s (%s) skipped: %s", invitation.invitationId(),
                                Mask.id(invitation.customerId()), invitation.channel(), reason);
                    }
                }).replaceWithVoid();
    }

    private static DeliveryRequest request(SurveyInvited invitation, Channel channel, Content content,
            Instant notBefore) {
        return new DeliveryRequest(invitation.invitationId(), SurveyInvited.TYPE, invitation.customerId(), channel,
                null, null, false, content, notBefore, invitation.expiresAt(), false);
    }
}
