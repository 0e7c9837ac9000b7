package io.windbell.loadgen.respond;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.survey.SurveyInvited;

/**
 * The simulated customers behind the invitations: for each {@code survey.invited} one decides whether to answer at all
 * ({@code responseRate}), waits a moment after delivery (up to {@code maxDelayMillis}, so the demo moves), gets the
 * link as the deliverer would (the event carries none, ADR 0013), opens the survey, fills it in ({@link Respondent})
 * and sends it. Nothing is logged about the customer: the link token is a credential and customer ids are personal
 * data, so problems are reported by invitation id only.
 */
public final class SurveyResponder {

    /** How many distinct problems are printed (each kind once); the rest are only counted. */
    static final int PRINTED_PROBLEMS = 5;
    /** A survey link path in a problem document: whatever follows {@code /s/} is a token. */
    private static final Pattern TOKEN_IN_PATH = Pattern.compile("/s/[^/\"\\s?]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SurveyApi api;
    private final double responseRate;
    private final long maxDelayMillis;
    private final ScheduledExecutorService executor;
    private final RespondTally tally;
    private final PrintStream err;
    // decisions are drawn on the consumer thread, in record order, so that --seed repeats them; each answer gets its
    // own generator split from this one
    private final SplittableRandom random;
    private final Set<String> printed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger printedCount = new AtomicInteger();

    public SurveyResponder(SurveyApi api, double responseRate, long maxDelayMillis, long seed,
            ScheduledExecutorService executor, RespondTally tally, PrintStream err) {
        this.api = api;
        this.responseRate = responseRate;
        this.maxDelayMillis = maxDelayMillis;
        this.random = new SplittableRandom(seed);
        this.executor = executor;
        this.tally = tally;
        this.err = err;
    }

    /**
     * One invitation from the topic: counted, and either skipped or scheduled for an answer at its delivery time
     * ({@code invitedAt}, when that lies ahead) plus a random delay. Call from one thread.
     */
    public void offer(SurveyInvited invitation, Instant now) {
        tally.invited.increment();
        if (random.nextDouble() >= responseRate) {
            tally.skipped.increment();
            return;
        }
        long untilDelivered = invitation.invitedAt() == null ? 0
                : Math.max(0, invitation.invitedAt().toEpochMilli() - now.toEpochMilli());
        long delay = untilDelivered + (maxDelayMillis > 0 ? random.nextLong(maxDelayMillis + 1) : 0);
        SplittableRandom own = random.split();
        tally.pending.incrementAndGet();
        try {
            executor.schedule(() -> answer(invitation, own), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // the executor is shutting down: the run is over
            tally.pending.decrementAndGet();
        }
    }

    /** Gets the link, opens the survey and sends the answers; every outcome is counted. */
    void answer(SurveyInvited invitation, SplittableRandom own) {
        String token = null;
        try {
            SurveyApi.Reply link = api.link(invitation.invitationId());
            token = link.status() == 200 ? token(link.body()) : null;
            if (token == null) {
                problem("LINK " + link.status(), invitation, null, link.body());
                return;
            }
            SurveyApi.Reply page = api.form(token, invitation.locale());
            if (page.status() != 200) {
                problem("GET " + page.status(), invitation, token, page.body());
                return;
            }
            SurveyForm form;
            try {
                form = SurveyForm.parse(page.body());
            } catch (IOException e) {
                problem("GET unreadable", invitation, token, e.getMessage().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Respondent.Answered answered = Respondent.answer(form, invitation.locale(),
                    Respondent.troubled(invitation.reasons()), own);
            SurveyApi.Reply sent = api.respond(token, answered.submission().toJson());
            if (sent.status() == 201 || sent.status() == 200) {
                tally.answered(answered.sentiment());
            } else {
                problem("POST " + sent.status(), invitation, token, sent.body());
            }
        } catch (IOException e) {
            problem("io " + e.getClass().getSimpleName(), invitation, token, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.error("interrupted");
        } catch (RuntimeException e) {
            problem("failed " + e.getClass().getSimpleName(), invitation, token,
                    String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        } finally {
            tally.pending.decrementAndGet();
        }
    }

    /** The token of the link survey gave out: the last path segment of {@code linkUrl}; null if there is none. */
    static String token(byte[] linkBody) {
        try {
            String url = JSON.readTree(linkBody).path("linkUrl").asText("");
            int at = url.lastIndexOf("/s/");
            return at < 0 || at + 3 == url.length() ? null : url.substring(at + 3);
        } catch (IOException e) {
            return null;
        }
    }

    private void problem(String what, SurveyInvited invitation, String token, byte[] body) {
        tally.error(what);
        if (printed.add(what) && printedCount.incrementAndGet() <= PRINTED_PROBLEMS) {
            String detail = body == null ? "" : new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            // a problem document may echo the request path, and the token in it is a credential
            detail = TOKEN_IN_PATH.matcher(token == null ? detail : detail.replace(token, "<token>"))
                    .replaceAll("/s/<token>");
            if (detail.length() > 300) {
                detail = detail.substring(0, 300) + "...";
            }
            err.printf("[respond] %s for invitation %s%s (further ones are only counted)%n", what,
                    invitation.invitationId(), detail.isEmpty() ? "" : ": " + detail);
        }
    }
}
