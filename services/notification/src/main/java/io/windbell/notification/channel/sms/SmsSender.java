package io.windbell.notification.channel.sms;

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
 * Customer invitations through the bank's SMS gateway: {@code {"customerId", "text", "reference"}}. The gateway knows
 * the customer's number; Windbell stores none.
 */
@ApplicationScoped
public class SmsSender implements Sender {

    private final InvitationDispatch dispatch;

    public SmsSender(InvitationDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Uni<DeliveryStatus> send(Delivery delivery) {
        return dispatch.send(delivery, InvitationAdapters.SMS, SmsSender::body);
    }

    static ObjectNode body(InvitationDispatch.Ready ready) {
        return EventJson.mapper().createObjectNode().put("customerId", ready.delivery().recipient)
                .put("text", ready.text()).put("reference", ready.delivery().sourceEventId.toString());
    }
}
