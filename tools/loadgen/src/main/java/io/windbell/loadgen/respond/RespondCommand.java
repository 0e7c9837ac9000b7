package io.windbell.loadgen.respond;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.loadgen.LoadGenException;
import io.windbell.loadgen.StopSignal;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.http.TokenSource;
import io.windbell.loadgen.kafka.KafkaJourneys;

/**
 * {@code respond}: simulated customers answering the surveys they are invited to. Reads {@code survey.invited} from
 * {@code cx.survey-events.v1} in its own consumer group (from the end of the topic on its first run), hands each to a
 * {@link SurveyResponder}, prints progress every 10 s and a summary at the end of {@code --duration}, or earlier on
 * Ctrl-C / SIGTERM.
 */
public final class RespondCommand {

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int THREADS = 4;

    private RespondCommand() {
    }

    /**
     * Runs {@code respond}. {@code tokens} are the deliverer's (role {@code survey-deliverer}): {@code survey.invited}
     * carries no link, so each is fetched from survey as the notification service would (ADR 0013).
     */
    public static Map<String, Object> run(Settings s, TokenSource tokens, PrintStream err) throws LoadGenException {
        if (tokens.current() == null) {
            throw new LoadGenException("respond fetches each invitation's link as its deliverer: give the credentials"
                    + " of a client with the survey-deliverer role (--token-url URL --client-id ID --client-secret S,"
                    + " or --token T)", null);
        }
        // kafka-clients logs through SLF4J, which has no binding here: keep its "no providers" notice off stderr
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        int partitions = KafkaJourneys.preflight(s);
        var options = s.respond();
        err.printf(
                "[respond] answering survey.invited from %s on %s (%d partitions, group %s) through %s: "
                        + "response rate %.2f, 0-%dms after delivery, for %ds, seed %d%n",
                s.topic(), s.bootstrap(), partitions, options.group(), s.base(), options.responseRate(),
                options.maxDelay().toMillis(), s.duration().toSeconds(), s.seed());

        RespondTally tally = new RespondTally();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = new Thread(r, "respond");
            t.setDaemon(true);
            return t;
        });
        SurveyResponder responder = new SurveyResponder(new HttpSurveyApi(s.base(), s.timeout(), tokens),
                options.responseRate(), options.maxDelay().toMillis(), s.seed(), executor, tally, err);
        AtomicBoolean interrupted = new AtomicBoolean();
        long start = System.nanoTime();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(s), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            StopSignal.onExit(() -> {
                interrupted.set(true);
                try {
                    consumer.wakeup();
                } catch (RuntimeException closedAlready) {
                    // the run has ended by itself
                }
            });
            consumer.subscribe(List.of(s.topic()));
            long end = start + s.duration().toNanos();
            long nextProgress = start + PROGRESS_EVERY.toNanos();
            while (!interrupted.get() && System.nanoTime() < end) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(POLL);
                } catch (WakeupException e) {
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    offer(record, responder, tally);
                }
                long now = System.nanoTime();
                if (now >= nextProgress) {
                    progress(err, (now - start) / 1_000_000_000, tally);
                    nextProgress += PROGRESS_EVERY.toNanos();
                }
            }
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw new LoadGenException("reading " + s.topic() + " from " + s.bootstrap() + " failed: " + e, e);
        }
        drain(executor, interrupted.get() ? Duration.ofSeconds(3) : s.drain(), interrupted.get());
        double seconds = (System.nanoTime() - start) / 1e9;
        progress(err, (long) seconds, tally);
        return summary(s, tally, seconds, interrupted.get());
    }

    static void offer(ConsumerRecord<String, byte[]> record, SurveyResponder responder, RespondTally tally) {
        Header type = record.headers().lastHeader(CloudEvents.TYPE_HEADER);
        if (type == null || !SurveyInvited.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            tally.otherEvents.increment();
            return;
        }
        SurveyInvited invitation;
        try {
            invitation = EventJson.read(record.value(), SurveyInvited.class);
        } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
            tally.unreadable.increment();
            return;
        }
        responder.offer(invitation, Instant.now());
    }

    /**
     * Lets scheduled answers finish (the delays are short), then gives up on the rest. After a stop signal, answers not
     * yet started are dropped at once.
     */
    private static void drain(ScheduledThreadPoolExecutor executor, Duration grace, boolean dropScheduled) {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(!dropScheduled);
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    static Map<String, Object> consumerProperties(Settings s) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap().toString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, s.respond().group());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "windbell-loadgen-respond");
        // a new group starts at the end: invitations of earlier runs have mostly expired or been answered
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // a simulator, not a service: an invitation answered twice after a crash is answered 409, which is counted
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return props;
    }

    private static void progress(PrintStream err, long second, RespondTally t) {
        err.printf("[respond] %4ds invited=%d answered=%d skipped=%d pending=%d errors=%d%s%n", second, t.invited(),
                t.answered(), t.skipped(), t.pending(), t.errorCount(), t.errorCount() == 0 ? "" : " " + t.errors());
    }

    private static Map<String, Object> summary(Settings s, RespondTally t, double seconds, boolean interrupted) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "respond");
        json.put("topic", s.topic());
        json.put("bootstrap", s.bootstrap().toString());
        json.put("baseUrl", s.base().toString());
        json.put("group", s.respond().group());
        json.put("responseRate", s.respond().responseRate());
        json.put("maxDelayS", s.respond().maxDelay().toMillis() / 1000.0);
        json.put("durationS", Math.round(seconds * 1000) / 1000.0);
        json.put("stoppedBySignal", interrupted);
        json.put("invited", t.invited());
        json.put("answered", t.answered());
        json.put("skipped", t.skipped());
        json.put("unfinished", t.pending());
        json.put("errors", t.errorCount());
        json.put("errorsByStatus", t.errors());
        json.put("sentiments", t.sentiments());
        json.put("otherEvents", t.otherEvents());
        json.put("unreadable", t.unreadable());
        json.put("seed", s.seed());
        return json;
    }
}
