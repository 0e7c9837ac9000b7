package io.windbell.loadgen;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import io.windbell.loadgen.bench.BenchTool;
import io.windbell.loadgen.cli.Args;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.cli.Usage;
import io.windbell.loadgen.cli.UsageException;
import io.windbell.loadgen.kafka.KafkaJourneyEnds;
import io.windbell.loadgen.kafka.KafkaJourneys;
import io.windbell.loadgen.kafka.KafkaNotificationPush;
import io.windbell.loadgen.kafka.KafkaScoringEvents;
import io.windbell.loadgen.kafka.KafkaWorkorderAlerts;
import io.windbell.loadgen.report.Summary;
import io.windbell.loadgen.respond.RespondCommand;

/**
 * Entry point:
 * {@code java -jar windbell-loadgen.jar <max|rate|simulate|payloads|journeys|respond|journey-ends|scoring-events|workorder-alerts|notification-push> [--options]},
 * or {@code bench <subcommand>} (the bench's orchestration, {@link BenchTool}); see {@code --help}.
 */
public final class LoadGen {

    private LoadGen() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command. Exit codes: 0 done (the summary is the last line on {@code out}), 1 the run could not be done,
     * 2 the command line is wrong.
     */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length > 0 && argv[0].equals("bench")) {
            return BenchTool.run(List.of(argv).subList(1, argv.length), out, err);
        }
        Settings settings;
        try {
            Args args = Args.parse(argv);
            if (args.help()) {
                out.print(Usage.TEXT);
                return 0;
            }
            settings = Settings.from(args);
        } catch (UsageException e) {
            err.println("loadgen: " + e.getMessage());
            err.println("run with --help for usage");
            return 2;
        }
        try (Session session = new Session(settings, err)) {
            Map<String, Object> summary = switch (settings.command()) {
            case PAYLOADS -> PayloadFile.write(settings, session.catalog(), err);
            case JOURNEYS -> KafkaJourneys.run(settings, session.catalog(), err);
            case JOURNEY_ENDS -> KafkaJourneyEnds.run(settings, session.catalog(), err);
            case SCORING_EVENTS -> KafkaScoringEvents.run(settings, session.catalog(), err);
            case WORKORDER_ALERTS -> KafkaWorkorderAlerts.run(settings, session.catalog(), err);
            case NOTIFICATION_PUSH -> KafkaNotificationPush.run(settings, err);
            case RESPOND -> {
                session.authenticate();
                yield RespondCommand.run(settings, session.tokens(), err);
            }
            default -> Bench.run(settings, session, err);
            };
            out.println(Summary.line(summary));
            out.flush();
            return 0;
        } catch (LoadGenException e) {
            err.println("loadgen: " + e.getMessage());
            return 1;
        } finally {
            StopSignal.printed();
        }
    }
}
