package io.windbell.notification.channel.wecom;

import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Contents;
import io.windbell.notification.delivery.Delivery;
import io.windbell.notification.delivery.DeliveryConfig;
import io.windbell.notification.delivery.DeliveryStatus;
import io.windbell.notification.delivery.OutboundHttp;
import io.windbell.notification.delivery.Sender;
import io.windbell.notification.endpoint.EndpointStore;

/**
 * A WeCom group robot: {@code {"msgtype":"markdown","markdown":{"content":…}}} to the robot's URL (its key is in the
 * query). WeCom answers 200 with an {@code errcode}: 0 is DELIVERED, {@value #RATE_LIMITED} (too many messages) is
 * retried, any other code is permanent (a wrong key, a removed robot, an invalid message).
 */
@ApplicationScoped
public class WecomRobotSender implements Sender {

    /** WeCom's errcode for "api freq out of limit": 20 messages a minute per robot. */
    static final int RATE_LIMITED = 45009;

    private final OutboundHttp http;
    private final EndpointStore endpoints;
    private final DeliveryConfig config;

    public WecomRobotSender(OutboundHttp http, EndpointStore endpoints, DeliveryConfig config) {
        this.http = http;
        this.endpoints = endpoints;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public Uni<DeliveryStatus> send(Delivery delivery) {
        Content content = Contents.of(delivery);
        String markdown = content.markdown() != null ? content.markdown() : content.text();
        if (markdown == null) {
            throw new Sender.PermanentFailure("the content has no markdown for a robot");
        }
        ObjectNode body = EventJson.mapper().createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", markdown);
        return endpoints.sendingTo(delivery.recipient).chain(target -> {
            if (target == null) {
                return Uni.createFrom().failure(new Sender.NothingToSend("the endpoint was removed or disabled"));
            }
            return http.post(target.url(), Map.of("Content-Type", "application/json"), body.toString(),
                    config.httpTimeout()).map(answer -> answered(answer, OutboundHttp.host(target.url())));
        });
    }

    private static DeliveryStatus answered(OutboundHttp.Answer answer, String host) {
        OutboundHttp.classify(answer, "WeCom robot " + host);
        int errcode;
        try {
            JsonNode json = EventJson.mapper().readTree(answer.body() == null ? "" : answer.body());
            errcode = json == null || !json.path("errcode").isInt() ? -1 : json.path("errcode").asInt();
        } catch (IOException e) {
            errcode = -1;
        }
        if (errcode == 0) {
            return DeliveryStatus.DELIVERED;
        }
        String message = "WeCom robot " + host + " answered errcode " + (errcode < 0 ? "(none)" : errcode);
        if (errcode == RATE_LIMITED) {
            throw new OutboundHttp.RetryableFailure(message, answer.status());
        }
        throw new Sender.PermanentFailure(message, answer.status());
    }
}
