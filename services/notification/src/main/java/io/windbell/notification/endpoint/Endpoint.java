package io.windbell.notification.endpoint;

import java.util.UUID;

/**
 * A group robot ({@link #WECOM_ROBOT}) or signed webhook ({@link #WEBHOOK}) that receives staff events, as the intake
 * needs it to enqueue a delivery ({@code recipient} = the id, {@code address} = the URL).
 */
public record Endpoint(UUID id, String kind, String name, String branchId, String url) {

    public static final String WECOM_ROBOT = "WECOM_ROBOT";
    public static final String WEBHOOK = "WEBHOOK";
}
