package io.windbell.notification.sweep;

import java.time.Duration;

/** What every sweep's configuration says (its own mapping gives the defaults). */
public interface SweepConfig {

    /** Whether this replica runs the sweep. */
    boolean enabled();

    /** The pause between rounds when a round found nothing more to do. */
    Duration interval();
}
