package io.windbell.loadgen;

/** A run cannot go on: the message is for the user. */
public final class LoadGenException extends Exception {

    public LoadGenException(String message, Throwable cause) {
        super(message, cause);
    }
}
