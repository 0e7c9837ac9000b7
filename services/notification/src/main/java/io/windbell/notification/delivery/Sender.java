package io.windbell.notification.delivery;

import io.smallrye.mutiny.Uni;

/**
 * Sends deliveries of one {@link Channel}. The worker calls it outside any transaction with a snapshot of the row; the
 * returned status is {@link DeliveryStatus#SENT} or {@link DeliveryStatus#DELIVERED} (or {@link DeliveryStatus#SKIPPED}
 * when there is on purpose nothing to send). A failure is retried with backoff, unless it is a
 * {@link PermanentFailure}, which dead-letters at once.
 */
public interface Sender {

    Channel channel();

    Uni<DeliveryStatus> send(Delivery delivery);

    /** A failure no retry can cure (a 4xx other than 408/429, an address the channel refuses). */
    final class PermanentFailure extends RuntimeException {
        private final Integer statusCode;

        public PermanentFailure(String message) {
            this(message, null);
        }

        /** With the HTTP status the other side answered, for the delivery log. */
        public PermanentFailure(String message, Integer statusCode) {
            super(message, null, false, false);
            this.statusCode = statusCode;
        }

        /** The HTTP status that failed, {@code null} when there was none. */
        public Integer statusCode() {
            return statusCode;
        }
    }
}
