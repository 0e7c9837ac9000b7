package io.windbell.notification.invitation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.notification.delivery.Channel;

/**
 * The bank's two channel adapters ({@value #APP_PUSH}, {@value #SMS}) and which survey channel each carries. The
 * mapping is checked when the service starts: a channel mapped to an adapter that does not exist, or allowed hours that
 * do not read, stop the start instead of skipping every invitation of that channel.
 */
@ApplicationScoped
public class InvitationAdapters {

    public static final String APP_PUSH = "app-push";
    public static final String SMS = "sms";

    /** The adapter an invitation goes through, as its delivery and its sender need it. */
    public record Route(String adapter, Channel channel, Optional<AllowedHours> allowedHours) {
    }

    private final Map<DeliveryChannel, Route> routes = new EnumMap<>(DeliveryChannel.class);
    private final Map<String, InvitationsConfig.Adapter> adapters;

    public InvitationAdapters(InvitationsConfig config) {
        this.adapters = config.adapters();
        config.channels().forEach((name, adapter) -> {
            DeliveryChannel channel = DeliveryChannel.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            routes.put(channel, route(adapter.trim()));
        });
    }

    /** The route of {@code channel}; empty when no adapter carries it. */
    public Optional<Route> of(DeliveryChannel channel) {
        return Optional.ofNullable(routes.get(channel));
    }

    /** The configuration of {@code adapter}; empty when none is given (no URL: nothing can be sent). */
    public Optional<InvitationsConfig.Adapter> config(String adapter) {
        return Optional.ofNullable(adapters.get(adapter));
    }

    /** The allowed hours of {@code adapter}; none means any time. */
    public Optional<AllowedHours> allowedHours(String adapter) {
        return config(adapter).flatMap(InvitationsConfig.Adapter::allowedHours).map(AllowedHours::parse);
    }

    private Route route(String adapter) {
        Channel channel = switch (adapter) {
        case APP_PUSH -> Channel.APP_PUSH;
        case SMS -> Channel.SMS;
        default -> throw new IllegalStateException("windbell.notification.invitations.channels: unknown adapter '"
                + adapter + "' (known: " + APP_PUSH + ", " + SMS + ")");
        };
        return new Route(adapter, channel, allowedHours(adapter));
    }
}
