package io.windbell.notification.channel.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

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
 * A generic JSON webhook: the content's JSON, signed with the endpoint's secret ({@link WebhookSignature}), with the
 * event and delivery ids as headers so a receiver can drop a delivery it has seen (we deliver at least once). DELIVERED
 * on a 2xx.
 */
@ApplicationScoped
public class WebhookSender implements Sender {

    public static final String EVENT_ID = "X-Windbell-Event-Id";
    public static final String DELIVERY_ID = "X-Windbell-Delivery-Id";
    public static final String TIMESTAMP = "X-Windbell-Timestamp";
    public static final String SIGNATURE = "X-Windbell-Signature";

    private final OutboundHttp http;
    private final EndpointStore endpoints;
    private final DeliveryConfig config;

    public WebhookSender(OutboundHttp http, EndpointStore endpoints, DeliveryConfig config) {
        this.http = http;
        this.endpoints = endpoints;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Uni<DeliveryStatus> send(Delivery delivery) {
        Content content = Contents.of(delivery);
        if (content.json() == null) {
            throw new Sender.PermanentFailure("the content has no JSON for a webhook");
        }
        String body;
        try {
            body = EventJson.mapper().writeValueAsString(content.json());
        } catch (JsonProcessingException e) {
            throw new Sender.PermanentFailure("the content's JSON does not serialize");
        }
        return endpoints.sendingTo(delivery.recipient).chain(target -> {
            if (target == null) {
                return Uni.createFrom().failure(new Sender.NothingToSend("the endpoint was removed or disabled"));
            }
            if (target.secret() == null) {
                throw new Sender.PermanentFailure("the endpoint has no secret to sign with");
            }
            // the receiver checks the timestamp against its own clock: the real time, whatever the pass's "now"
            long timestamp = Instant.now().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put(EVENT_ID, delivery.sourceEventId.toString());
            headers.put(DELIVERY_ID, delivery.id.toString());
            headers.put(TIMESTAMP, Long.toString(timestamp));
            headers.put(SIGNATURE, WebhookSignature.sign(target.secret(), timestamp, body));
            String host = OutboundHttp.host(target.url());
            return http.post(target.url(), headers, body, config.httpTimeout())
                    .map(answer -> OutboundHttp.classify(answer, "webhook " + host))
                    .replaceWith(DeliveryStatus.DELIVERED);
        });
    }
}
