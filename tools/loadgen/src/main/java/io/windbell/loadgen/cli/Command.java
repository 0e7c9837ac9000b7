package io.windbell.loadgen.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The commands and the options each accepts. */
public enum Command {

    MAX("kind", "batch-size", "connections", "duration", "warmup", "timeout", "drain", "max-requests", "customers"),
    RATE("kind", "rate", "batch-size", "connections", "duration", "warmup", "timeout", "drain", "max-requests",
            "customers"),
    SIMULATE("customers", "rate", "batch-size", "connections", "duration", "warmup", "timeout", "drain", "max-requests",
            "time-scale", "linger"),
    PAYLOADS("count", "out", "customers");

    /** Options every command accepts (a holder class, as enum constructors cannot read the enum's statics). */
    static final class Common {
        static final List<String> NAMES = List.of("base-url", "token", "token-url", "client-id", "client-secret",
                "seed", "catalog");

        private Common() {
        }
    }

    private final Set<String> options;

    Command(String... own) {
        Set<String> all = new HashSet<>(Common.NAMES);
        all.addAll(List.of(own));
        this.options = Set.copyOf(all);
    }

    public Set<String> options() {
        return options;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Command of(String word) throws UsageException {
        if (word == null) {
            throw new UsageException("no command given (max, rate, simulate, payloads)");
        }
        for (Command c : values()) {
            if (c.label().equals(word)) {
                return c;
            }
        }
        throw new UsageException("unknown command '" + word + "' (max, rate, simulate, payloads)");
    }
}
