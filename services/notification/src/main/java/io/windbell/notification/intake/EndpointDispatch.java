package io.windbell.notification.intake;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Deliveries;
import io.windbell.notification.delivery.DeliveryRequest;
import io.windbell.notification.endpoint.Endpoint;
import io.windbell.notification.endpoint.Endpoints;
import io.windbell.notification.template.Locales;
import io.windbell.notification.template.Templates;

/**
 * Announces one event to the group robots and webhooks configured for its type and branch, one delivery each, in the
 * bank's language and zone; neither carries a customer id.
 */
@ApplicationScoped
public class EndpointDispatch {

    private final Endpoints endpoints;
    private final Templates templates;
    private final Deliveries deliveries;
    private final NotificationConfig config;

    public EndpointDispatch(Endpoints endpoints, Templates templates, Deliveries deliveries,
            NotificationConfig config) {
        this.endpoints = endpoints;
        this.templates = templates;
        this.deliveries = deliveries;
        this.config = config;
    }

    /**
     * @param branchId
     *            the branch whose endpoints hear of it (the central branch for an order without one)
     */
    public Uni<Void> announce(StaffEvent event, String branchId, boolean critical) {
        return endpoints.receiving(event.type(), branchId).chain(list -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Endpoint endpoint : list) {
                all = all.chain(() -> deliveries.enqueue(request(event, endpoint, critical)).replaceWithVoid());
            }
            return all;
        });
    }

    private DeliveryRequest request(StaffEvent event, Endpoint endpoint, boolean critical) {
        Channel channel;
        Content content;
        if (Endpoint.WECOM_ROBOT.equals(endpoint.kind())) {
            String locale = Locales.supported(config.defaultLocale(), Locales.ZH_CN);
            String markdown = templates
                    .render(event.type(), locale, Messages.of(event, Messages.GROUP, critical, config.timeZone()))
                    .markdown();
            channel = Channel.WECOM;
            content = new Content(locale, null, null, null, markdown, null);
        } else {
            channel = Channel.WEBHOOK;
            content = new Content(null, null, null, null, null, WebhookBody.of(event));
        }
        return new DeliveryRequest(event.id(), event.type(), endpoint.id().toString(), channel, endpoint.url(),
                event.order().branchId(), critical, content, null, null, false);
    }
}
