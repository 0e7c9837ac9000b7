package io.windbell.survey.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.platform.background.Periodic;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.bank.Question;
import io.windbell.survey.names.DisplayNames;
import io.windbell.survey.names.Names;
import io.windbell.survey.names.NamesRepository;
import io.windbell.survey.rule.SurveyRule;

/**
 * The question bank, the survey rules and the display names, in memory: the trigger path never waits for the database.
 * Everything is one immutable snapshot swapped in one step by {@link #refresh()}: at startup (before the consumers
 * start), after every change made through this replica's API, and every
 * {@code windbell.survey.catalog.refresh-interval} so that other replicas' changes arrive.
 */
@ApplicationScoped
@Readiness
@Default // also injectable by type: @Readiness alone would hide it from other beans
public class SurveyCatalog implements HealthCheck {

    /** Before the consumers (APPLICATION + 1000) and the relay (APPLICATION + 900) start. */
    public static final int STARTUP_PRIORITY = Interceptor.Priority.APPLICATION + 100;

    private static final Logger LOG = Logger.getLogger(SurveyCatalog.class);

    private final VersionedStore<Question> questions;
    private final VersionedStore<SurveyRule> rules;
    private final NamesRepository names;
    private final SurveyConfig config;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private Periodic timer;

    SurveyCatalog(VersionedStore<Question> questions, VersionedStore<SurveyRule> rules, NamesRepository names,
            SurveyConfig config) {
        this.questions = questions;
        this.rules = rules;
        this.names = names;
        this.config = config;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        refresh();
        // a failed reload keeps the previous snapshot; Periodic logs it and tries again at the next interval
        Duration every = config.catalog().refreshInterval();
        timer = new Periodic("survey-catalog-refresh", every, every, () -> {
            refresh();
            return false;
        }).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (timer != null) {
            timer.close();
        }
    }

    /**
     * Reloads from the database now and swaps the snapshot. Serialised, so that a slow load can never replace the
     * result of a later one.
     */
    public synchronized void refresh() {
        Snapshot loaded = new Snapshot(questions.index(), rules.index(), names.all(), Instant.now());
        snapshot = loaded;
        LOG.debugf("survey catalog loaded: %d questions, %d rules, %d names", loaded.questions.active().size(),
                loaded.rules.active().size(), loaded.names.size());
    }

    /** The latest version of every active question, by id. */
    public List<Question> questions() {
        return snapshot.activeQuestions;
    }

    /** The latest version of every active rule, highest priority first, then by code. */
    public List<SurveyRule> rules() {
        return snapshot.activeRules;
    }

    /** Display names for piping. */
    public Names names() {
        return snapshot.names;
    }

    /** Any stored version of a question, active or not (a survey already sent keeps the versions it used). */
    public Optional<Question> question(String id, int version) {
        return snapshot.questions.version(id, version).map(Stored::value);
    }

    /** Any stored version of a rule, active or not. */
    public Optional<SurveyRule> rule(String code, int version) {
        return snapshot.rules.version(code, version).map(Stored::value);
    }

    /** The question versions with their bookkeeping, for the API. */
    public Versions<Question> questionVersions() {
        return snapshot.questions;
    }

    /** The rule versions with their bookkeeping, for the API. */
    public Versions<SurveyRule> ruleVersions() {
        return snapshot.rules;
    }

    @Override
    public HealthCheckResponse call() {
        Snapshot current = snapshot;
        return HealthCheckResponse.named("survey-catalog").status(current.loadedAt != null)
                .withData("questions", current.activeQuestions.size()).withData("rules", current.activeRules.size())
                .withData("loadedAt", String.valueOf(current.loadedAt)).build();
    }

    /** One consistent view of the tables. */
    private static final class Snapshot {

        /** Highest priority first, then by code: the first matching rule wins. */
        static final Comparator<SurveyRule> RULE_ORDER = Comparator.comparingInt(SurveyRule::priority).reversed()
                .thenComparing(SurveyRule::code);

        // after RULE_ORDER, which its constructor uses
        static final Snapshot EMPTY = new Snapshot(Versions.empty(), Versions.empty(), DisplayNames.EMPTY, null);

        final Versions<Question> questions;
        final Versions<SurveyRule> rules;
        final DisplayNames names;
        final Instant loadedAt;
        final List<Question> activeQuestions;
        final List<SurveyRule> activeRules;

        Snapshot(Versions<Question> questions, Versions<SurveyRule> rules, DisplayNames names, Instant loadedAt) {
            this.questions = questions;
            this.rules = rules;
            this.names = names;
            this.loadedAt = loadedAt;
            this.activeQuestions = questions.active().stream().map(Stored::value).toList();
            this.activeRules = rules.active().stream().map(Stored::value).sorted(RULE_ORDER).toList();
        }
    }
}
