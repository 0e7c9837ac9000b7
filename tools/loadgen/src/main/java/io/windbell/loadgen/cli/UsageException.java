package io.windbell.loadgen.cli;

/** The command line is wrong; the message says how, in words meant for the user. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
