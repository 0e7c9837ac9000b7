package io.windbell.notification.invitation;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Delivery;
import io.windbell.notification.delivery.DeliveryStatus;
import io.windbell.notification.delivery.OutboundHttp;
import io.windbell.notification.delivery.Sender;
import io.windbell.platform.logging.Mask;

/**
 * What both customer senders do for one attempt: refuse to send outside the adapter's allowed hours (a retry that falls
 * at night waits), fetch the invitation's link from survey, and POST the adapter's body to it. Survey saying the
 * invitation is closed (expired, cancelled, answered) means there is nothing to send: {@link DeliveryStatus#SKIPPED}.
 */
@ApplicationScoped
public class InvitationDispatch {

    private static final Logger LOG = Logger.getLogger(InvitationDispatch.class);

    /** An invitation ready to go out: the adapter's body is made of this. */
    public record Ready(Delivery delivery, Content content, SurveyLinks.Link link) {

        /** The stored text with the link in place. */
        public String text() {
            return InvitationTexts.withLink(content.text(), link.url());
        }
    }

    private final InvitationAdapters adapters;
    private final SurveyLinks links;
    private final OutboundHttp http;
    private final InvitationClock clock;
    private final ZoneId zone;
    private final InvitationsConfig config;

    public InvitationDispatch(InvitationAdapters adapters, SurveyLinks links, OutboundHttp http, InvitationClock clock,
            NotificationConfig notification, InvitationsConfig config) {
        this.adapters = adapters;
        this.links = links;
        this.http = http;
        this.clock = clock;
        this.zone = notification.timeZone();
        this.config = config;
    }

    /** Sends {@code delivery} through {@code adapter}, whose request body {@code body} makes. */
    public Uni<DeliveryStatus> send(Delivery delivery, String adapter, Function<Ready, ObjectNode> body) {
        Optional<InvitationsConfig.Adapter> settings = adapters.config(adapter).filter(a -> a.url().isPresent());
        if (settings.isEmpty()) {
            return Uni.createFrom().failure(new Sender.PermanentFailure("adapter " + adapter + " has no url"));
        }
        Optional<AllowedHours> hours = adapters.allowedHours(adapter);
        if (hours.isPresent() && !hours.get().contains(clock.now(), zone)) {
            return Uni.createFrom().failure(new Sender.NotYet(hours.get().nextOpening(clock.now(), zone),
                    "outside the allowed hours " + hours.get() + " of " + adapter));
        }
        Content content;
        try {
            content = EventJson.mapper().readValue(delivery.content, Content.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new Sender.PermanentFailure("unreadable content"));
        }
        return links.link(delivery.sourceEventId).chain(outcome -> switch (outcome) {
        case SurveyLinks.Closed closed -> {
            LOG.infof("invitation %s for %s not sent: %s", delivery.sourceEventId, Mask.id(delivery.recipient),
                    closed.why());
            yield Uni.createFrom().failure(new Sender.NothingToSend("the invitation is " + closed.why()));
        }
        case SurveyLinks.Link link -> post(settings.get(), adapter, delivery,
                body.apply(new Ready(delivery, content, link)));
        });
    }

    private Uni<DeliveryStatus> post(InvitationsConfig.Adapter settings, String adapter, Delivery delivery,
            ObjectNode body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        // the adapter can drop a second copy when an answer was lost and the attempt is repeated
        headers.put("Idempotency-Key", delivery.id.toString());
        settings.apiKey().ifPresent(key -> headers.put(settings.apiKeyHeader(), key));
        return http.post(settings.url().orElseThrow(), headers, body.toString(), config.timeout()).map(answer -> {
            OutboundHttp.classify(answer, adapter);
            LOG.debugf("invitation %s for %s handed to %s", delivery.sourceEventId, Mask.id(delivery.recipient),
                    adapter);
            return DeliveryStatus.SENT;
        });
    }
}
