package io.windbell.notification.delivery;

import java.io.IOException;

import io.windbell.contracts.EventJson;

/** Reads a delivery's stored {@link Content} for its sender. */
public final class Contents {

    private Contents() {
    }

    /** The content of {@code delivery}; a {@link Sender.PermanentFailure} when it does not parse (no retry helps). */
    public static Content of(Delivery delivery) {
        try {
            return EventJson.mapper().readValue(delivery.content, Content.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Sender.PermanentFailure("the stored content does not parse");
        }
    }
}
