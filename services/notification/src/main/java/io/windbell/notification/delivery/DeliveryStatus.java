package io.windbell.notification.delivery;

/** Where one delivery stands; the log of attempts is in {@code delivery_attempt}. */
public enum DeliveryStatus {
    /** waiting for its next attempt ({@code next_attempt_at}); a failed attempt that will be retried stays here */
    QUEUED,
    /** a low-priority item kept for the employee's digest */
    HELD,
    /** handed over to the channel (SMTP accepted it, the push service took it) */
    SENT,
    /** the receiving system confirmed it (a webhook or robot answered 2xx) */
    DELIVERED,
    /** the last retry failed, or the failure cannot be retried: waits for an operator's re-drive */
    DEAD,
    /** the employee acknowledged the item this delivery was about */
    ACKNOWLEDGED,
    /** not sent on purpose (the invitation expired before its window opened, no address on file) */
    SKIPPED,
    /** went out inside a digest */
    DIGESTED
}
