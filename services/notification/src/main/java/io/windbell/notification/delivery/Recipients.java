package io.windbell.notification.delivery;

import java.util.Set;

import io.windbell.platform.logging.Mask;

/**
 * How a recipient is shown in logs and in the operator API: customers (invitations) masked, staff and endpoints not.
 */
public final class Recipients {

    /** The channels whose recipients are customers. */
    public static final Set<Channel> CUSTOMER_CHANNELS = Set.of(Channel.APP_PUSH, Channel.SMS);

    private Recipients() {
    }

    public static String shown(Channel channel, String recipient) {
        return CUSTOMER_CHANNELS.contains(channel) ? Mask.id(recipient) : recipient;
    }
}
