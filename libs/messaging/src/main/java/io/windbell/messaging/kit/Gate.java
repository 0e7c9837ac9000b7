package io.windbell.messaging.kit;

import java.time.Duration;

/** Lets waiting batches through once opened; {@link #close()} releases the waiters with a refusal. */
final class Gate {
    private boolean open;
    private boolean closed;

    Gate(boolean open) {
        this.open = open;
    }

    synchronized void open() {
        open = true;
        notifyAll();
    }

    synchronized void shut() {
        open = false;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Waits until open; returns false when closed meanwhile. */
    synchronized boolean await() {
        while (!open && !closed) {
            try {
                wait(Duration.ofMillis(200).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed;
    }
}
