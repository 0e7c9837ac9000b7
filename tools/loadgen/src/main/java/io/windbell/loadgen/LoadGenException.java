package io.windbell.loadgen;

/** A run cannot go on: the message is for the user. */
final class LoadGenException extends Exception {

    LoadGenException(String message, Throwable cause) {
        super(message, cause);
    }
}
