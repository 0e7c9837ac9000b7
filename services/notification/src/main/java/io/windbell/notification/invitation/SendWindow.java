package io.windbell.notification.invitation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When an invitation may go out: not before it was issued ({@code invitedAt}) nor before now, inside the adapter's
 * allowed hours, and strictly before it expires. Pure: the caller passes {@code now}.
 */
public final class SendWindow {

    private SendWindow() {
    }

    /** What to do with an invitation. */
    public sealed interface Decision {
    }

    /** Send it, not before {@code notBefore}. */
    public record Open(Instant notBefore) implements Decision {
    }

    /** Never send it: its window closes before it opens. */
    public record Closed(String reason) implements Decision {
    }

    public static Decision decide(Instant invitedAt, Instant expiresAt, Instant now, Optional<AllowedHours> hours,
            ZoneId zone) {
        Instant earliest = invitedAt.isAfter(now) ? invitedAt : now;
        if (!earliest.isBefore(expiresAt)) {
            return new Closed("expired before it could be sent");
        }
        Instant opening = hours.map(h -> h.nextOpening(earliest, zone)).orElse(earliest);
        if (!opening.isBefore(expiresAt)) {
            return new Closed("expires before the adapter's allowed hours " + hours.orElseThrow() + " open");
        }
        return new Open(opening);
    }
}
