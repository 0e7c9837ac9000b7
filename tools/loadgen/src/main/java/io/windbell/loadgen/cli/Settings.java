package io.windbell.loadgen.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.windbell.contracts.Topics;
import io.windbell.loadgen.http.LocalTarget;
import io.windbell.loadgen.kafka.KafkaTarget;
import io.windbell.loadgen.sim.SimProfile;

/**
 * Everything one run needs, read from the command line with the defaults of its command, checked for ranges.
 *
 * @param rate
 *            requests per second ({@code rate}) or events per second ({@code simulate}, {@code journeys}); 0 for a
 *            {@code journeys} run with {@code --count}
 * @param timeScale
 *            how many times faster than real life simulated customers move
 * @param drain
 *            how long to wait for outstanding requests (or Kafka acknowledgements) after the last one was due
 * @param count
 *            events to write ({@code payloads}) or to send as fast as possible ({@code journeys}; 0 = paced by
 *            {@code rate})
 * @param profile
 *            how simulated customers behave: the traffic mix of {@code simulate} and {@code journeys}
 * @param bootstrap
 *            the Kafka broker of {@code journeys} and {@code respond} (this machine only)
 * @param topic
 *            the topic {@code journeys} writes to, or {@code respond} reads from
 * @param respond
 *            the options of {@code respond}; null for the other commands
 * @param journeyEnds
 *            the options of {@code journey-ends}; null for the other commands
 * @param scoringEvents
 *            the options of {@code scoring-events}; null for the other commands
 * @param workorderAlerts
 *            the options of {@code workorder-alerts}; null for the other commands
 */
public record Settings(Command command, Kind kind, double rate, int batchSize, int connections, Duration duration,
        Duration warmup, Duration timeout, Duration drain, long maxRequests, int customers, double timeScale,
        Duration linger, long seed, LocalTarget base, Auth auth, String catalog, long count, Path out,
        SimProfile profile, KafkaTarget bootstrap, String topic, RespondOptions respond, JourneyEndsOptions journeyEnds,
        ScoringEventsOptions scoringEvents, WorkorderAlertsOptions workorderAlerts,
        NotificationPushOptions notificationPush) {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8081";
    /** The survey service of the local stack, whose public respondent API {@code respond} calls. */
    public static final String DEFAULT_SURVEY_URL = "http://127.0.0.1:8083";
    /** The broker of the local stack ({@code make run}). */
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:19092";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    public static Settings from(Args args) throws UsageException {
        Command command = Command.of(args.command());
        args.allowOnly(command.options());
        boolean simulate = command == Command.SIMULATE;
        boolean journeys = command == Command.JOURNEYS;
        boolean respond = command == Command.RESPOND;
        boolean ends = command == Command.JOURNEY_ENDS;
        boolean scoring = command == Command.SCORING_EVENTS;
        boolean workorder = command == Command.WORKORDER_ALERTS;
        boolean push = command == Command.NOTIFICATION_PUSH;
        ScoringEventsOptions scoringOptions = scoring ? scoringEventsOptions(args) : null;
        if ((journeys || ends) && args.has("rate") && args.has("count")) {
            throw new UsageException("give either --rate (paced) or --count (as fast as possible), not both");
        }
        Kind kind = switch (command) {
        case MAX, RATE -> Kind.of(args.required("kind"));
        default -> null;
        };
        long count = switch (command) {
        case PAYLOADS -> args.integer("count", 1000, 1, 10_000_000);
        case JOURNEYS, JOURNEY_ENDS -> args.integer("count", 0, 1, 100_000_000);
        case WORKORDER_ALERTS -> args.integer("count", WorkorderAlertsOptions.DEFAULT_COUNT, 1, 10_000_000);
        case NOTIFICATION_PUSH -> args.integer("count", NotificationPushOptions.DEFAULT_COUNT, 1, 10_000_000);
        default -> 0;
        };
        double rate = switch (command) {
        case RATE -> {
            args.required("rate");
            yield args.decimal("rate", 0, 0.1, 1_000_000);
        }
        case SIMULATE -> args.decimal("rate", 200, 0.1, 1_000_000);
        case JOURNEYS -> count > 0 ? 0 : args.decimal("rate", 1000, 0.1, 1_000_000);
        case JOURNEY_ENDS -> count > 0 ? 0 : args.decimal("rate", 200, 0.1, 1_000_000);
        case SCORING_EVENTS -> scoringOptions.paced() ? args.decimal("rate", 200, 0.1, 1_000_000) : 0;
        case WORKORDER_ALERTS -> args.decimal("rate", WorkorderAlertsOptions.DEFAULT_RATE, 0.1, 100_000);
        case NOTIFICATION_PUSH -> args.decimal("rate", NotificationPushOptions.DEFAULT_RATE, 0.1, 10_000);
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
        // with --count, the duration only bounds the run
        case JOURNEYS, JOURNEY_ENDS -> count > 0 ? Duration.ofMinutes(10) : Duration.ofSeconds(60);
        case RESPOND -> Duration.ofMinutes(10);
        // counted: an upper bound; ten million touchpoints take minutes
        case SCORING_EVENTS -> scoringOptions.paced() ? Duration.ofSeconds(60) : HOUR;
        default -> Duration.ofSeconds(60);
        }, HOUR);
        if (duration.isZero()) {
            throw new UsageException("--duration must be more than 0");
        }
        if (((journeys || ends) && count > 0 || scoring && !scoringOptions.paced()) && args.has("warmup")) {
            throw new UsageException("--warmup goes with --rate (a counted run measures everything)");
        }
        Duration warmup = args.duration("warmup",
                simulate || journeys || ends || scoring ? Duration.ZERO : Duration.ofSeconds(5), HOUR);
        Duration timeout = args.duration("timeout", Duration.ofSeconds(10), FIVE_MINUTES);
        if (timeout.toMillis() < 1) {
            throw new UsageException("--timeout must be at least 1ms");
        }
        Duration drain = args.duration("drain",
                journeys || ends || scoring || workorder || push ? Duration.ofSeconds(30) : Duration.ofSeconds(10),
                FIVE_MINUTES);
        long maxRequests = args.integer("max-requests", 100_000_000, 1, 1_000_000_000);
        // journey-ends: as many customers as journeys by default, so the contact budget lets most of them through
        long endsDefault = count > 0 ? count
                : (long) Math.ceil(rate * (warmup.toMillis() + duration.toMillis()) / 1000.0);
        int customers = (int) args.integer("customers",
                journeys || scoring ? 100_000 : ends ? Math.clamp(endsDefault, 1, 10_000_000) : 2000, 1, 10_000_000);
        double timeScale = args.decimal("time-scale", 60, 1, 100_000);
        Duration linger = args.duration("linger", Duration.ofMillis(200), Duration.ofSeconds(10));
        long seed = args.has("seed") ? args.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE)
                : ThreadLocalRandom.current().nextLong(1, 1_000_000_000);
        SimProfile profile = profile(args, timeScale);
        try {
            LocalTarget base = LocalTarget.parse(args.string("base-url",
                    respond ? DEFAULT_SURVEY_URL : push ? NotificationPushOptions.DEFAULT_BASE_URL : DEFAULT_BASE_URL));
            Auth auth = Auth.from(args);
            if (auth.clientCredentials()) {
                LocalTarget.parse(auth.tokenUrl());
            }
            String catalog = args.string("catalog", switch (command) {
            case PAYLOADS -> "auto";
            case JOURNEYS, JOURNEY_ENDS, SCORING_EVENTS, WORKORDER_ALERTS, NOTIFICATION_PUSH -> "builtin";
            default -> "api";
            });
            Path out = command == Command.PAYLOADS ? Path.of(args.required("out")) : null;
            KafkaTarget bootstrap = journeys || respond || ends || scoring || workorder || push
                    ? KafkaTarget.parse(args.string("bootstrap", DEFAULT_BOOTSTRAP)) : null;
            String topic = journeys || respond || ends
                    ? topic(args.string("topic",
                            respond ? Topics.SURVEY_EVENTS : ends ? Topics.JOURNEY_EVENTS : Topics.TOUCHPOINT_EVENTS))
                    : null;
            return new Settings(command, kind, rate, batchSize, connections, duration, warmup, timeout, drain,
                    maxRequests, customers, timeScale, linger, seed, base, auth, catalog, count, out, profile,
                    bootstrap, topic, respond ? respondOptions(args) : null, ends ? journeyEndsOptions(args) : null,
                    scoringOptions, workorder ? workorderAlertsOptions(args, count) : null,
                    push ? notificationPushOptions(args, count) : null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The traffic mix: the share options, each defaulting to {@link SimProfile}'s constants. */
    private static SimProfile profile(Args args, double timeScale) throws UsageException {
        double fail = args.decimal("fail-share", SimProfile.FAIL, 0, 1);
        double retry = args.decimal("retry-share", SimProfile.RETRY, 0, 1);
        double switchChannel = args.decimal("switch-share", SimProfile.SWITCH, 0, 1);
        double abandon = args.decimal("abandon-share", SimProfile.ABANDON, 0, 1);
        double stall = args.decimal("stall-share", SimProfile.STALL, 0, 1);
        double anonymous = args.decimal("anonymous-share", SimProfile.ANONYMOUS, 0, 1);
        double duplicate = args.decimal("duplicate-share", SimProfile.DUPLICATE, 0, 1);
        double reorder = args.decimal("reorder-share", SimProfile.REORDER, 0, 1);
        if (fail + abandon + stall > 1 + 1e-9) {
            throw new UsageException("--fail-share, --abandon-share and --stall-share add up to more than 1");
        }
        if (retry + switchChannel > 1 + 1e-9) {
            throw new UsageException("--retry-share and --switch-share add up to more than 1 (the rest stop)");
        }
        return SimProfile.shares(fail, retry, switchChannel, abandon, stall, anonymous, duplicate, reorder, timeScale);
    }

    private static RespondOptions respondOptions(Args args) throws UsageException {
        double rate = args.decimal("response-rate", RespondOptions.DEFAULT_RESPONSE_RATE, 0, 1);
        Duration maxDelay = args.duration("max-delay", RespondOptions.DEFAULT_MAX_DELAY, FIVE_MINUTES);
        String group = args.string("group", RespondOptions.DEFAULT_GROUP);
        if (!group.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new UsageException("--group is not a consumer group name: '" + group + "'");
        }
        return new RespondOptions(rate, maxDelay, group);
    }

    private static JourneyEndsOptions journeyEndsOptions(Args args) throws UsageException {
        double interrupted = args.decimal("interrupted-share", JourneyEndsOptions.DEFAULT_INTERRUPTED_SHARE, 0, 1);
        int first = (int) args.integer("first-customer", 0, 0, 89_999_999);
        String surveyTopic = topic(args.string("survey-topic", JourneyEndsOptions.DEFAULT_SURVEY_TOPIC));
        return new JourneyEndsOptions(interrupted, first, surveyTopic);
    }

    private static ScoringEventsOptions scoringEventsOptions(Args args) throws UsageException {
        long touchpoints = args.integer("touchpoints", 0, 0, 1_000_000_000);
        long responses = args.integer("responses", 0, 0, 100_000_000);
        boolean counted = touchpoints > 0 || responses > 0;
        if (counted && args.has("rate")) {
            throw new UsageException(
                    "give --touchpoints/--responses (as fast as possible) or --rate (responses/s, paced), not both");
        }
        if (!counted && !args.has("rate")) {
            throw new UsageException("'scoring-events' needs --touchpoints N and/or --responses M, or --rate R");
        }
        if (!counted && args.has("days")) {
            throw new UsageException("--days goes with --touchpoints/--responses (a paced run sends what happens now)");
        }
        int days = (int) args.integer("days", ScoringEventsOptions.DEFAULT_DAYS, 1, 3660);
        double interrupted = args.decimal("interrupted-share", ScoringEventsOptions.DEFAULT_INTERRUPTED_SHARE, 0, 1);
        try {
            return new ScoringEventsOptions(touchpoints, responses, days, interrupted,
                    topic(args.string("touchpoint-topic", Topics.TOUCHPOINT_EVENTS)),
                    topic(args.string("survey-topic", Topics.SURVEY_EVENTS)),
                    topic(args.string("alerts-topic", Topics.EXPERIENCE_ALERTS)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static WorkorderAlertsOptions workorderAlertsOptions(Args args, long count) throws UsageException {
        long warmup = args.integer("warmup-count", WorkorderAlertsOptions.DEFAULT_WARMUP_COUNT, 0, 1_000_000);
        int first = (int) args.integer("first-customer", 0, 0, 89_999_999);
        Duration timeout = args.duration("answer-timeout", WorkorderAlertsOptions.DEFAULT_ANSWER_TIMEOUT, FIVE_MINUTES);
        if (timeout.isZero()) {
            throw new UsageException("--answer-timeout must be more than 0");
        }
        return new WorkorderAlertsOptions(count, warmup, first,
                topic(args.string("alerts-topic", Topics.EXPERIENCE_ALERTS)),
                topic(args.string("workorder-topic", Topics.WORKORDER_EVENTS)), timeout);
    }

    private static NotificationPushOptions notificationPushOptions(Args args, long count) throws UsageException {
        int streams = (int) args.integer("streams", NotificationPushOptions.DEFAULT_STREAMS, 1, 50_000);
        double connectRate = args.decimal("connect-rate", NotificationPushOptions.DEFAULT_CONNECT_RATE, 1, 100_000);
        long warmup = args.integer("warmup-count", NotificationPushOptions.DEFAULT_WARMUP_COUNT, 0, 1_000_000);
        Duration timeout = args.duration("answer-timeout", Duration.ofSeconds(10), FIVE_MINUTES);
        if (timeout.isZero()) {
            throw new UsageException("--answer-timeout must be more than 0");
        }
        return new NotificationPushOptions(streams, connectRate, count, warmup,
                topic(args.string("workorder-topic", Topics.WORKORDER_EVENTS)), Path.of(args.required("signing-key")),
                args.string("issuer", NotificationPushOptions.DEFAULT_ISSUER),
                args.string("audience", NotificationPushOptions.DEFAULT_AUDIENCE),
                (int) args.integer("event-loops", 2, 1, 16), args.integer("service-pid", 0, 0, Integer.MAX_VALUE),
                args.duration("settle", Duration.ofSeconds(5), FIVE_MINUTES), timeout);
    }

    private static String topic(String name) {
        if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("--topic is not a Kafka topic name: '" + name + "'");
        }
        return name;
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
