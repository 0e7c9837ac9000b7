package io.windbell.loadgen.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The poll subcommands of {@code loadgen bench}, with bench.py's command lines, stdout (the last line JSON), stderr and
 * exit codes: {@code journey-catchup|journey-settle|journey-get|journey-reset} (the journey admin API with a cx-admin
 * token), {@code db-catchup|db-settle} (a count a command prints), {@code health-catchup|health-settle|
 * messaging-get} (the messaging kit's counters in the readiness data) and {@code http-latency}. Replaces bench.py's
 * {@code cmd_journey_*}, {@code cmd_db_*}, {@code cmd_health_*}, {@code cmd_messaging_get} and the argument parsing of
 * {@code main} for them.
 */
final class PollCommands {

    private final Map<String, String> env;
    private final Poller.Clock clock;
    private final Poller.Sleeper sleeper;

    PollCommands(Map<String, String> env, Poller.Clock clock, Poller.Sleeper sleeper) {
        this.env = env;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static Map<String, BenchCommand> all() {
        return new PollCommands(System.getenv(), Poller.SYSTEM_CLOCK, Poller.THREAD_SLEEPER).commands();
    }

    Map<String, BenchCommand> commands() {
        return Map.of("journey-catchup", this::journeyCatchup, "journey-settle", this::journeySettle, "journey-get",
                this::journeyGet, "journey-reset", this::journeyReset, "db-catchup", this::dbCatchup, "db-settle",
                this::dbSettle, "health-catchup", this::healthCatchup, "health-settle", this::healthSettle,
                "messaging-get", this::messagingGet, "http-latency", this::httpLatency);
    }

    /** {@code journey-catchup URL TARGET TIMEOUT_S [BASELINE]}. */
    int journeyCatchup(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        ProcessingProbe probe = new ProcessingProbe(new AdminClient(args.get(0), env));
        ObjectNode result = poller(err).catchUp(probe, PyJson.pyInt(args.get(1)).longValueExact(),
                PyJson.pyFloat(args.get(2)), args.size() > 3 ? PyJson.pyInt(args.get(3)).longValueExact() : 0,
                "journey-catchup", "nothing consumed").toJson();
        ObjectNode latest = probe.seen();
        if (latest != null) {
            for (String key : List.of("applied", "deadLettered", "outboxPublished", "latency")) {
                result.set(key, latest.get(key));
            }
        }
        // journey's names for the rates (the report reads them)
        rename(result, "perS", "eventsPerS");
        rename(result, "firstProgressS", "firstAnswerS");
        rename(result, "fromPollerStartPerS", "fromPollerStartEventsPerS");
        return print(out, result);
    }

    /** {@code journey-settle URL TIMEOUT_S}: the processing counters once applied stops growing. */
    int journeySettle(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        double timeoutS = PyJson.pyFloat(args.get(1));
        ProcessingProbe probe = new ProcessingProbe(new AdminClient(args.get(0), env));
        Poller.Settled settled = poller(err).settle(probe, timeoutS);
        ObjectNode result = probe.seen() == null ? PyJson.object() : probe.seen().deepCopy();
        result.put("settled", settled.settled()).put("waitedS", settled.waitedS());
        print(out, result);
        return settled.settled() ? 0 : fail(err, "journey did not settle within " + PyJson.repr(timeoutS) + "s");
    }

    /** {@code journey-get URL}. */
    int journeyGet(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        ObjectNode processing = new AdminClient(args.get(0), env).processing();
        if (processing == null) {
            return fail(err, "no answer from " + args.get(0) + "/v1/admin/processing");
        }
        return print(out, processing);
    }

    /** {@code journey-reset URL} (expects 204). */
    int journeyReset(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        int status = new AdminClient(args.get(0), env).call("POST", "/v1/admin/processing/reset").status();
        if (status != 204) {
            return fail(err, "POST " + args.get(0) + "/v1/admin/processing/reset answered "
                    + (status == 0 ? "nothing" : String.valueOf(status)));
        }
        return print(out, PyJson.object().put("reset", true));
    }

    /** {@code db-catchup TARGET TIMEOUT_S [BASELINE] -- CMD...}. */
    int dbCatchup(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        int sep = separator(args);
        List<String> head = args.subList(0, sep);
        DbCountProbe probe = new DbCountProbe(args.subList(sep + 1, args.size()));
        return print(out,
                poller(err).catchUp(probe, PyJson.pyInt(head.get(0)).longValueExact(), PyJson.pyFloat(head.get(1)),
                        head.size() > 2 ? PyJson.pyInt(head.get(2)).longValueExact() : 0, "db-catchup",
                        "nothing decided").toJson());
    }

    /** {@code db-settle TIMEOUT_S -- CMD...}. */
    int dbSettle(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        int sep = separator(args);
        double timeoutS = PyJson.pyFloat(args.get(0));
        Poller.Settled settled = poller(err).settle(new DbCountProbe(args.subList(sep + 1, args.size())), timeoutS);
        print(out, PyJson.object().put("count", settled.count()).put("settled", settled.settled()).put("waitedS",
                settled.waitedS()));
        return settled.settled() ? 0 : fail(err, "the count did not settle within " + PyJson.repr(timeoutS) + "s");
    }

    /** {@code health-catchup URL CHANNEL TARGET TIMEOUT_S [BASELINE]}. */
    int healthCatchup(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        String channel = args.get(1);
        MessagingProbe probe = new MessagingProbe(MessagingProbe.newClient(), args.get(0), channel);
        ObjectNode result = poller(err).catchUp(probe, PyJson.pyInt(args.get(2)).longValueExact(),
                PyJson.pyFloat(args.get(3)), args.size() > 4 ? PyJson.pyInt(args.get(4)).longValueExact() : 0,
                channel + "-catchup", "nothing consumed").toJson();
        result.set("messaging", probe.seen());
        return print(out, result);
    }

    /** {@code health-settle URL TIMEOUT_S}: until the counters of every channel stop growing. */
    int healthSettle(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        double timeoutS = PyJson.pyFloat(args.get(1));
        MessagingProbe probe = new MessagingProbe(MessagingProbe.newClient(), args.get(0), null);
        Poller.Settled settled = poller(err).settle(probe, timeoutS);
        ObjectNode result = PyJson.object().put("settled", settled.settled()).put("count", settled.count())
                .put("waitedS", settled.waitedS());
        result.set("messaging", probe.seen());
        print(out, result);
        return settled.settled() ? 0
                : fail(err, "the service's channels did not settle within " + PyJson.repr(timeoutS) + "s");
    }

    /** {@code messaging-get URL}. */
    int messagingGet(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        HttpClient http = MessagingProbe.newClient();
        ObjectNode data = MessagingProbe.fetch(http, args.get(0));
        if (data == null) {
            return fail(err, "no windbell-messaging data at " + args.get(0));
        }
        return print(out, data);
    }

    /** {@code http-latency NAME URL WARMUP COUNT}. */
    int httpLatency(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String name = args.get(0);
        String url = args.get(1);
        int warmup = PyJson.pyInt(args.get(2)).intValueExact();
        int count = PyJson.pyInt(args.get(3)).intValueExact();
        return new HttpLatency(env, LocalDate.now()).run(name, url, warmup, count, out, err);
    }

    private Poller poller(PrintStream err) {
        return new Poller(clock, sleeper, err);
    }

    private static int separator(List<String> args) {
        int sep = args.indexOf("--");
        if (sep < 0) {
            throw new IllegalArgumentException("no -- before the command");
        }
        return sep;
    }

    private static void rename(ObjectNode json, String mine, String theirs) {
        JsonNode value = json.remove(mine);
        if (value != null) {
            json.set(theirs, value);
        }
    }

    private static int print(PrintStream out, JsonNode json) {
        out.println(PyJson.dumps(json));
        out.flush();
        return 0;
    }

    /** Python's {@code sys.exit(message)}. */
    private static int fail(PrintStream err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }
}
