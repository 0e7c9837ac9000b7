package io.windbell.loadgen.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.windbell.loadgen.http.LocalTarget;

/**
 * Everything one run needs, read from the command line with the defaults of its command, checked for ranges.
 *
 * @param rate
 *            requests per second ({@code rate}) or events per second ({@code simulate})
 * @param timeScale
 *            how many times faster than real life simulated customers move
 * @param drain
 *            how long to wait for outstanding requests after the last one was due
 */
public record Settings(Command command, Kind kind, double rate, int batchSize, int connections, Duration duration,
        Duration warmup, Duration timeout, Duration drain, long maxRequests, int customers, double timeScale,
        Duration linger, long seed, LocalTarget base, Auth auth, String catalog, int count, Path out) {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8081";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    public static Settings from(Args args) throws UsageException {
        Command command = Command.of(args.command());
        args.allowOnly(command.options());
        boolean simulate = command == Command.SIMULATE;
        Kind kind = switch (command) {
        case MAX, RATE -> Kind.of(args.required("kind"));
        default -> null;
        };
        double rate = switch (command) {
        case RATE -> {
            args.required("rate");
            yield args.decimal("rate", 0, 0.1, 1_000_000);
        }
        case SIMULATE -> args.decimal("rate", 200, 0.1, 1_000_000);
        default -> 0;
        };
        int batchSize = (int) args.integer("batch-size", simulate ? 1 : 50, 1, 500);
        if (simulate) {
            kind = batchSize == 1 ? Kind.SINGLE : Kind.BATCH;
        } else if (kind == Kind.SINGLE) {
            if (args.has("batch-size")) {
                throw new UsageException("--batch-size goes with --kind batch");
            }
            batchSize = 1;
        }
        int connections = (int) args.integer("connections", switch (command) {
        case MAX -> 64;
        case RATE -> 128;
        default -> 32;
        }, 1, 4096);
        Duration duration = args.duration("duration", switch (command) {
        case MAX -> Duration.ofSeconds(20);
        case RATE -> Duration.ofSeconds(30);
        default -> Duration.ofSeconds(60);
        }, HOUR);
        if (duration.isZero()) {
            throw new UsageException("--duration must be more than 0");
        }
        Duration warmup = args.duration("warmup", simulate ? Duration.ZERO : Duration.ofSeconds(5), HOUR);
        Duration timeout = args.duration("timeout", Duration.ofSeconds(10), FIVE_MINUTES);
        if (timeout.toMillis() < 1) {
            throw new UsageException("--timeout must be at least 1ms");
        }
        Duration drain = args.duration("drain", Duration.ofSeconds(10), FIVE_MINUTES);
        long maxRequests = args.integer("max-requests", 100_000_000, 1, 1_000_000_000);
        int customers = (int) args.integer("customers", 2000, 1, 10_000_000);
        double timeScale = args.decimal("time-scale", 60, 1, 100_000);
        Duration linger = args.duration("linger", Duration.ofMillis(200), Duration.ofSeconds(10));
        long seed = args.has("seed") ? args.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE)
                : ThreadLocalRandom.current().nextLong(1, 1_000_000_000);
        LocalTarget base;
        try {
            base = LocalTarget.parse(args.string("base-url", DEFAULT_BASE_URL));
            Auth auth = Auth.from(args);
            if (auth.clientCredentials()) {
                LocalTarget.parse(auth.tokenUrl());
            }
            String catalog = args.string("catalog", command == Command.PAYLOADS ? "auto" : "api");
            int count = (int) args.integer("count", 1000, 1, 10_000_000);
            Path out = command == Command.PAYLOADS ? Path.of(args.required("out")) : null;
            return new Settings(command, kind, rate, batchSize, connections, duration, warmup, timeout, drain,
                    maxRequests, customers, timeScale, linger, seed, base, auth, catalog, count, out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Warmup plus measured duration, in nanoseconds. */
    public long runNanos() {
        return warmup.toNanos() + duration.toNanos();
    }

    /** When a run gives up on what is still outstanding. */
    public long hardStopNanos() {
        return runNanos() + drain.toNanos();
    }
}
