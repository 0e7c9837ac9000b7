package io.windbell.notification.channel.apppush;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Delivery;
import io.windbell.notification.delivery.DeliveryStatus;
import io.windbell.notification.delivery.Sender;
import io.windbell.notification.invitation.InvitationAdapters;
import io.windbell.notification.invitation.InvitationDispatch;

/**
 * Customer invitations through the channel app's push service: {@code {"customerId", "title", "body", "url",
 * "invitationId", "expiresAt"}}; the app opens {@code url}, survey's link.
 */
@ApplicationScoped
public class AppPushSender implements Sender {

    private final InvitationDispatch dispatch;

    public AppPushSender(InvitationDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public Channel channel() {
        return Channel.APP_PUSH;
    }

    @Override
    public Uni<DeliveryStatus> send(Delivery delivery) {
        return dispatch.send(delivery, InvitationAdapters.APP_PUSH, AppPushSender::body);
    }

    static ObjectNode body(InvitationDispatch.Ready ready) {
        return EventJson.mapper().createObjectNode().put("customerId", ready.delivery().recipient)
                .put("title", ready.content().subject()).put("body", ready.text()).put("url", ready.link().url())
                .put("invitationId", ready.delivery().sourceEventId.toString())
                .put("expiresAt", ready.link().expiresAt().toString());
    }
}
