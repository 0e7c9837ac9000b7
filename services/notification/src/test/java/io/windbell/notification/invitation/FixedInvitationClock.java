package io.windbell.notification.invitation;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The invitation clock at an hour the test chooses (enabled by {@link InvitationTestProfile} only): the SMS adapter's
 * allowed hours make sends depend on the time of day, and a test must not.
 */
@Alternative
@ApplicationScoped
public class FixedInvitationClock extends InvitationClock {

    /**
     * 10:00 in Shanghai, years ahead: enqueued rows keep this notBefore (enqueue moves a past one to now), and the
     * delivery worker, which claims rows due by the real clock, leaves them to the tests that send them.
     */
    public static final Instant MORNING = Instant.parse("2030-01-15T02:00:00Z");

    private static volatile Instant now = MORNING;

    public static void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant now() {
        return now;
    }
}
