package io.windbell.notification.delivery;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * Sends deliveries of one {@link Channel}. The worker calls it outside any transaction with a snapshot of the row; the
 * returned status is {@link DeliveryStatus#SENT} or {@link DeliveryStatus#DELIVERED}. When there is on purpose nothing
 * to send it fails with {@link NothingToSend} and its reason: the delivery is SKIPPED and the log says why. Any other
 * failure is retried with backoff, unless it is a {@link PermanentFailure}, which dead-letters at once.
 */
public interface Sender {

    Channel channel();

    Uni<DeliveryStatus> send(Delivery delivery);

    /**
     * Nothing to send, on purpose (the invitation was answered or expired, the endpoint was removed, no address): the
     * delivery is SKIPPED with {@code reason} as its last error, so an operator sees why it was not sent.
     */
    final class NothingToSend extends RuntimeException {
        public NothingToSend(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Not now, on purpose: the channel may not be used before {@code at} (an SMS gateway's hours). The delivery waits
     * until then, and the wait does not count as an attempt, so nights cannot use up its retries.
     */
    final class NotYet extends RuntimeException {
        private final Instant at;

        public NotYet(Instant at, String reason) {
            super(reason, null, false, false);
            this.at = at;
        }

        /** When to try again. */
        public Instant at() {
            return at;
        }
    }

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
