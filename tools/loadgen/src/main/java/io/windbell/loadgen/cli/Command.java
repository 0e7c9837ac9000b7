package io.windbell.loadgen.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The commands and the options each accepts. */
public enum Command {

    MAX("kind", "batch-size", "connections", "duration", "warmup", "timeout", "drain", "max-requests", "customers"),
    RATE("kind", "rate", "batch-size", "connections", "duration", "warmup", "timeout", "drain", "max-requests",
            "customers"),
    SIMULATE(withShares("customers", "rate", "batch-size", "connections", "duration", "warmup", "timeout", "drain",
            "max-requests", "time-scale", "linger")),
    PAYLOADS("count", "out", "customers"),
    JOURNEYS(withShares("bootstrap", "topic", "rate", "count", "duration", "warmup", "drain", "customers",
            "time-scale")),
    RESPOND("bootstrap", "topic", "duration", "drain", "timeout", "response-rate", "max-delay", "group"),
    JOURNEY_ENDS("bootstrap", "topic", "rate", "count", "duration", "warmup", "drain", "customers", "first-customer",
            "interrupted-share", "survey-topic"),
    SCORING_EVENTS(withShares("bootstrap", "touchpoints", "responses", "days", "rate", "duration", "warmup", "drain",
            "customers", "time-scale", "interrupted-share", "touchpoint-topic", "survey-topic", "alerts-topic")),
    WORKORDER_ALERTS("bootstrap", "rate", "count", "warmup-count", "drain", "first-customer", "alerts-topic",
            "workorder-topic", "answer-timeout"),
    NOTIFICATION_PUSH("bootstrap", "rate", "count", "warmup-count", "drain", "workorder-topic", "answer-timeout",
            "streams", "connect-rate", "signing-key", "issuer", "audience", "event-loops", "service-pid", "settle");

    /** Options every command accepts (a holder class, as enum constructors cannot read the enum's statics). */
    static final class Common {
        static final List<String> NAMES = List.of("base-url", "token", "token-url", "client-id", "client-secret",
                "seed", "catalog");
        /** The traffic mix of {@code simulate} and {@code journeys}. */
        static final List<String> SHARES = List.of("fail-share", "retry-share", "switch-share", "abandon-share",
                "stall-share", "anonymous-share", "duplicate-share", "reorder-share");

        private Common() {
        }
    }

    private final Set<String> options;

    Command(String... own) {
        Set<String> all = new HashSet<>(Common.NAMES);
        all.addAll(List.of(own));
        this.options = Set.copyOf(all);
    }

    private static String[] withShares(String... own) {
        List<String> all = new ArrayList<>(List.of(own));
        all.addAll(Common.SHARES);
        return all.toArray(String[]::new);
    }

    public Set<String> options() {
        return options;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Command of(String word) throws UsageException {
        if (word == null) {
            throw new UsageException(
                    "no command given (max, rate, simulate, payloads, journeys, respond, journey-ends, scoring-events,"
                            + " workorder-alerts, notification-push)");
        }
        for (Command c : values()) {
            if (c.label().equals(word)) {
                return c;
            }
        }
        throw new UsageException("unknown command '" + word
                + "' (max, rate, simulate, payloads, journeys, respond, journey-ends, scoring-events, workorder-alerts,"
                + " notification-push)");
    }
}
