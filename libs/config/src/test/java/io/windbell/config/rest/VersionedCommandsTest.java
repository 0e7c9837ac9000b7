package io.windbell.config.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.ws.rs.core.Response;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.windbell.config.ConfigTestSupport;
import io.windbell.config.ConfigTestSupport.Setting;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;

/** The command flows over a real store: the answers, the problems, and the reload that never fails a change. */
class VersionedCommandsTest {

    static VersionedStore<Setting> store;

    final AtomicInteger reloads = new AtomicInteger();

    @BeforeAll
    static void database() {
        DataSource dataSource = ConfigTestSupport.freshDatabase();
        store = ConfigTestSupport.store(dataSource);
    }

    VersionedCommands<Setting> commands(Runnable reload) {
        return new VersionedCommands<>(store, "/v1/settings", reload, () -> "admin");
    }

    VersionedCommands<Setting> commands() {
        return commands(reloads::incrementAndGet);
    }

    static String document(Stored<Setting> stored) {
        return stored.key() + "@" + stored.version() + "=" + stored.value().value();
    }

    @Test
    void createAnswers201WithLocationAndETagAndReloads() {
        try (Response created = commands().create(new Setting("C_CREATE", "a"), VersionedCommandsTest::document)) {
            assertThat(created.getStatus()).isEqualTo(201);
            assertThat(created.getLocation()).hasToString("/v1/settings/C_CREATE");
            assertThat(created.getEntityTag().getValue()).isEqualTo("1");
            assertThat(created.getEntity()).isEqualTo("C_CREATE@1=a");
        }
        assertThat(reloads).hasValue(1);
        assertThat(store.versions("C_CREATE")).singleElement()
                .satisfies(v -> assertThat(v.createdBy()).isEqualTo("admin"));

        problem(() -> commands().create(new Setting("C_CREATE", "b"), VersionedCommandsTest::document), 409,
                "setting C_CREATE exists already");
        assertThat(reloads).hasValue(1);
    }

    @Test
    void changeAnswers200WithTheNewETag412WhenStaleAnd404WhenUnknown() {
        commands().create(new Setting("C_CHANGE", "a"), VersionedCommandsTest::document).close();

        try (Response changed = commands().change(new Setting("C_CHANGE", "b"), 1, VersionedCommandsTest::document)) {
            assertThat(changed.getStatus()).isEqualTo(200);
            assertThat(changed.getEntityTag().getValue()).isEqualTo("2");
            assertThat(changed.getEntity()).isEqualTo("C_CHANGE@2=b");
            assertThat(changed.getLocation()).isNull();
        }

        Problem stale = problem(() -> commands().change(new Setting("C_CHANGE", "c"), 1, d -> d), 412,
                "setting C_CHANGE is at version 2, not 1");
        assertThat(stale.extensions()).containsEntry("activeVersion", 2);
        problem(() -> commands().change(new Setting("C_NONE", "c"), 1, d -> d), 404, "setting C_NONE does not exist");
        assertThat(reloads).hasValue(2);
    }

    @Test
    void retireAnswers204AlsoWhenRetiredAlreadyAnd404WhenUnknown() {
        commands().create(new Setting("C_RETIRE", "a"), VersionedCommandsTest::document).close();

        try (Response retired = commands().retire("C_RETIRE")) {
            assertThat(retired.getStatus()).isEqualTo(204);
        }
        try (Response again = commands().retire("C_RETIRE")) {
            assertThat(again.getStatus()).isEqualTo(204);
        }
        assertThat(store.versions("C_RETIRE")).extracting(Stored::version, Stored::active, Stored::createdBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false, "admin"),
                        org.assertj.core.groups.Tuple.tuple(2, false, "admin"));
        problem(() -> commands().retire("C_NONE"), 404, "setting C_NONE does not exist");
        assertThat(reloads).hasValue(3);
    }

    @Test
    void aFailedReloadNeverFailsACommittedChange() {
        VersionedCommands<Setting> failing = commands(() -> {
            throw new IllegalStateException("database gone");
        });

        try (Response created = failing.create(new Setting("C_RELOAD", "a"), VersionedCommandsTest::document)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        assertThat(store.versions("C_RELOAD")).hasSize(1);
    }

    /** The problem the call answers with, after checking its status and detail. */
    static Problem problem(ThrowingCallable call, int status, String detail) {
        Problem problem = catchThrowableOfType(ProblemException.class, call).problem();
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.detail()).isEqualTo(detail);
        return problem;
    }
}
