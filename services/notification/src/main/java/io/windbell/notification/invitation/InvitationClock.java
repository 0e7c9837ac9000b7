package io.windbell.notification.invitation;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time the invitation intake and senders decide send windows by; a bean so that a test can put the bank's clock at
 * a chosen hour (allowed hours make these decisions depend on the time of day).
 */
@ApplicationScoped
public class InvitationClock {

    public Instant now() {
        return Instant.now();
    }
}
