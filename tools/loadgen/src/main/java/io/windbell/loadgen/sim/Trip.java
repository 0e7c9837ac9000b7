package io.windbell.loadgen.sim;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.catalog.Touchpoint;

/** The state of one walk in progress: where the customer is, who they are known as, and the events so far. */
final class Trip {

    /** Simulated time starts here; a run re-stamps events when it sends them. */
    static final OffsetDateTime EPOCH = OffsetDateTime.parse("2026-01-05T09:00:00+08:00");

    private static final HexFormat HEX = HexFormat.of();

    /** Who the channel app knows the customer as on the current session. */
    private enum Identity {
        /** only the device id */
        ANONYMOUS,
        /** the customer logs in with the next event: it carries both ids */
        LOGGING_IN,
        /** the customer id only */
        KNOWN
    }

    private final String journey;
    private final Customer customer;
    private final String productId;
    private final SimProfile profile;
    private final Supplier<UUID> eventIds;
    private final RandomGenerator rnd;
    private final List<PlannedEvent> events = new ArrayList<>();

    private long now;
    private String channel;
    private String sessionId;
    private Identity identity;
    private String branchId;
    private String employeeId;
    private boolean anonymousStart;
    private boolean loggedIn;
    private boolean switched;

    Trip(String journey, Customer customer, String productId, long startMillis, SimProfile profile,
            Supplier<UUID> eventIds, RandomGenerator rnd) {
        this.journey = journey;
        this.customer = customer;
        this.productId = productId;
        this.now = startMillis;
        this.profile = profile;
        this.eventIds = eventIds;
        this.rnd = rnd;
    }

    String journey() {
        return journey;
    }

    String channel() {
        return channel;
    }

    /** Arrives on a channel with a new session; anonymous means known only by the device id until logging in. */
    void enter(String newChannel, boolean anonymous) {
        this.channel = newChannel;
        this.sessionId = "S" + HEX.toHexDigits(rnd.nextLong());
        this.anonymousStart |= anonymous;
        this.identity = anonymous ? Identity.ANONYMOUS : Identity.KNOWN;
        Staffing staffing = Staffing.on(newChannel, customer, rnd);
        branchId = staffing.branchId();
        employeeId = staffing.employeeId();
    }

    /**
     * Logs in on the current anonymous session: the next event carries both the device id and the customer id (what
     * lets the journey service stitch the two), the ones after it the customer id only. No-op when already known.
     */
    void logIn() {
        if (identity == Identity.ANONYMOUS) {
            identity = Identity.LOGGING_IN;
        }
    }

    /**
     * Continues the journey elsewhere. A new channel means a new session, on which the customer identifies themselves;
     * {@code deliberate} marks a switch after trouble or by choice (counted as a channel switch) as opposed to a step
     * that is simply not offered where the customer was.
     */
    void moveTo(String newChannel, boolean deliberate) {
        pause(deliberate ? Channels.switchMillis(rnd) : Channels.thinkMillis(channel, rnd));
        switched |= deliberate;
        enter(newChannel, false);
    }

    void think() {
        pause(Channels.thinkMillis(channel, rnd));
    }

    void pause(double realMillis) {
        now += profile.compress(realMillis);
    }

    /** Records the step as finished now, after taking its (compressed) time. */
    void emit(Touchpoint step, Outcome outcome, String errorCode, int attempt) {
        double took = Channels.stepMillis(channel, rnd);
        if (outcome == Outcome.ABANDONED) {
            took /= 3;
        }
        now += profile.compress(took);
        String customerId = identity == Identity.ANONYMOUS ? null : customer.id();
        String anonymousId = identity == Identity.KNOWN ? null : customer.deviceId();
        if (identity == Identity.LOGGING_IN) {
            loggedIn = true;
            identity = Identity.KNOWN;
        }
        TouchpointRecorded event = new TouchpointRecorded(eventIds.get(), EPOCH.plusNanos(now * 1_000_000), null,
                channel, step.code(), customerId, anonymousId, sessionId, outcome, errorCode, Math.round(took),
                branchId, employeeId, productId, customer.locale(),
                Channels.attributes(channel, customer, customerId != null, branchId, attempt, rnd));
        events.add(PlannedEvent.onTime(now, event));
    }

    Walk end(Walk.Ending how, Walk.Recovery recovery) {
        List<PlannedEvent> happened = List.copyOf(events);
        return new Walk(journey, customer.id(), happened, SendPlan.of(happened, profile, rnd), how, recovery,
                anonymousStart, loggedIn, switched);
    }
}
