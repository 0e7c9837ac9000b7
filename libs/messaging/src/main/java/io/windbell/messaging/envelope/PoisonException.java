package io.windbell.messaging.envelope;

/**
 * A record no retry can apply (undecodable bytes, a type on the wrong topic, a payload a consumer's contract rejects):
 * the kit sends it to the dead-letter topic at once instead of retrying it.
 */
public class PoisonException extends RuntimeException {

    public PoisonException(String message) {
        super(message);
    }

    public PoisonException(String message, Throwable cause) {
        super(message, cause);
    }
}
