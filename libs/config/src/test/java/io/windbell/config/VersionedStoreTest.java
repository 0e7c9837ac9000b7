package io.windbell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.windbell.config.ConfigTestSupport.Setting;
import io.windbell.config.VersionedStore.DuplicateException;
import io.windbell.config.VersionedStore.StaleVersionException;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.VersionedStore.UnknownException;

/** The store against real PostgreSQL; every test uses keys of its own. */
class VersionedStoreTest {

    static DataSource dataSource;
    static VersionedStore<Setting> store;

    @BeforeAll
    static void database() {
        dataSource = ConfigTestSupport.freshDatabase();
        store = ConfigTestSupport.store(dataSource);
    }

    @Test
    void createStoresVersionOneActiveWithItsAuthor() {
        Stored<Setting> created = store.create(new Setting("CREATE", "a"), "alice");

        assertThat(created.key()).isEqualTo("CREATE");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.active()).isTrue();
        assertThat(created.value()).isEqualTo(new Setting("CREATE", "a"));
        assertThat(created.createdBy()).isEqualTo("alice");
        assertThat(created.createdAt()).isNotNull();
        assertThat(store.versions("CREATE")).containsExactly(created);
    }

    @Test
    void aSecondCreateOfAnActiveKeyIsADuplicate() {
        store.create(new Setting("DUPLICATE", "a"), "alice");

        assertThatThrownBy(() -> store.create(new Setting("DUPLICATE", "b"), "bob"))
                .isInstanceOf(DuplicateException.class).hasMessage("setting DUPLICATE exists already");
        assertThat(store.versions("DUPLICATE")).singleElement()
                .satisfies(v -> assertThat(v.value().value()).isEqualTo("a"));
    }

    @Test
    void theNextVersionNeedsTheActiveVersionAsExpected() {
        store.create(new Setting("NEXT", "a"), "alice");

        Stored<Setting> second = store.createNextVersion(new Setting("NEXT", "b"), 1, "bob");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.active()).isTrue();
        assertThat(second.createdBy()).isEqualTo("bob");
        assertThat(store.versions("NEXT")).extracting(Stored::version, Stored::active, v -> v.value().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false, "a"),
                        org.assertj.core.groups.Tuple.tuple(2, true, "b"));

        // based on version 1, but 2 is active now: stale, naming the active version, and nothing stored
        assertThatThrownBy(() -> store.createNextVersion(new Setting("NEXT", "c"), 1, "carol"))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.activeVersion()).contains(2);
                    assertThat(e).hasMessage("setting NEXT is at version 2, not 1");
                });
        assertThatThrownBy(() -> store.createNextVersion(new Setting("NEXT", "c"), 7, "carol"))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.activeVersion()).contains(2));
        assertThat(store.versions("NEXT")).hasSize(2);
    }

    @Test
    void anUnknownKeyCanBeNeitherChangedNorRetired() {
        assertThatThrownBy(() -> store.createNextVersion(new Setting("UNKNOWN", "a"), 1, "alice"))
                .isInstanceOfSatisfying(UnknownException.class, e -> {
                    assertThat(e.key()).isEqualTo("UNKNOWN");
                    assertThat(e).hasMessage("setting UNKNOWN does not exist");
                });
        assertThatThrownBy(() -> store.retire("UNKNOWN", "alice")).isInstanceOf(UnknownException.class);
        assertThat(store.versions("UNKNOWN")).isEmpty();
    }

    @Test
    void retiringAddsAnInactiveVersionThatRecordsWhoRetiredIt() {
        store.create(new Setting("RETIRE", "a"), "alice");

        assertThat(store.retire("RETIRE", "bob")).hasValueSatisfying(retired -> {
            assertThat(retired.version()).isEqualTo(2);
            assertThat(retired.active()).isFalse();
            assertThat(retired.value()).isEqualTo(new Setting("RETIRE", "a"));
            assertThat(retired.createdBy()).isEqualTo("bob");
        });
        assertThat(store.versions("RETIRE")).extracting(Stored::active).containsExactly(false, false);

        // retired already: nothing more to record
        assertThat(store.retire("RETIRE", "carol")).isEmpty();
        assertThat(store.versions("RETIRE")).hasSize(2);

        // a change based on any version is stale now, with no active version to name
        assertThatThrownBy(() -> store.createNextVersion(new Setting("RETIRE", "b"), 2, "carol"))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.activeVersion()).isEmpty();
                    assertThat(e).hasMessage("setting RETIRE is retired, not 2");
                });

        // creating it again brings it back as the next version, active
        Stored<Setting> back = store.create(new Setting("RETIRE", "c"), "dave");
        assertThat(back.version()).isEqualTo(3);
        assertThat(back.active()).isTrue();
        assertThat(store.index().active("RETIRE")).contains(back);
    }

    @Test
    void ofConcurrentCreatorsExactlyOneWins() throws Exception {
        List<Outcome> outcomes = race(8, i -> store.create(new Setting("RACE_CREATE", "v" + i), "user" + i));

        assertThat(outcomes).filteredOn(o -> o.stored != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error != null).hasSize(7)
                .allSatisfy(o -> assertThat(o.error).isInstanceOf(DuplicateException.class));
        assertThat(store.versions("RACE_CREATE")).singleElement().satisfies(v -> assertThat(v.version()).isEqualTo(1));
    }

    @Test
    void ofConcurrentCreatorsOfARetiredKeyExactlyOneWins() throws Exception {
        store.create(new Setting("RACE_BACK", "a"), "alice");
        store.retire("RACE_BACK", "alice");

        List<Outcome> outcomes = race(8, i -> store.create(new Setting("RACE_BACK", "v" + i), "user" + i));

        assertThat(outcomes).filteredOn(o -> o.stored != null).singleElement()
                .satisfies(o -> assertThat(o.stored.version()).isEqualTo(3));
        assertThat(outcomes).filteredOn(o -> o.error != null)
                .allSatisfy(o -> assertThat(o.error).isInstanceOf(DuplicateException.class));
    }

    @Test
    void ofConcurrentChangesOfTheSameVersionExactlyOneWins() throws Exception {
        store.create(new Setting("RACE_CHANGE", "a"), "alice");

        List<Outcome> outcomes = race(8,
                i -> store.createNextVersion(new Setting("RACE_CHANGE", "v" + i), 1, "user" + i));

        assertThat(outcomes).filteredOn(o -> o.stored != null).singleElement()
                .satisfies(o -> assertThat(o.stored.version()).isEqualTo(2));
        assertThat(outcomes).filteredOn(o -> o.error != null).hasSize(7).allSatisfy(o -> assertThat(o.error)
                .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.activeVersion()).contains(2)));
    }

    @Test
    void aChangeWithoutAnAuthorLeavesCreatedByNullUnlessTheStoreNamesOne() {
        assertThat(store.create(new Setting("ANONYMOUS", "a"), null).createdBy()).isNull();
        assertThat(store.retire("ANONYMOUS", null)).hasValueSatisfying(v -> assertThat(v.createdBy()).isNull());

        VersionedStore<Setting> named = store.recordingAnonymousAs("unknown");
        assertThat(named.create(new Setting("ANONYMOUS_NAMED", "a"), null).createdBy()).isEqualTo("unknown");
        assertThat(named.createNextVersion(new Setting("ANONYMOUS_NAMED", "b"), 1, "alice").createdBy())
                .isEqualTo("alice");
        assertThat(named.what()).isEqualTo("setting");
    }

    @Test
    void theIndexHoldsEveryVersionAndTheActiveOnes() {
        store.create(new Setting("INDEX_A", "a"), "alice");
        store.createNextVersion(new Setting("INDEX_A", "a2"), 1, "alice");
        store.create(new Setting("INDEX_B", "b"), "alice");
        store.retire("INDEX_B", "alice");

        Versions<Setting> index = store.index();
        assertThat(index.active("INDEX_A")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(index.active("INDEX_B")).isEmpty();
        assertThat(index.versions("INDEX_B")).extracting(Stored::version).containsExactly(1, 2);
        assertThat(index.version("INDEX_A", 1)).hasValueSatisfying(v -> assertThat(v.value().value()).isEqualTo("a"));
        assertThat(index.version("INDEX_A", 3)).isEmpty();
        assertThat(index.active()).extracting(Stored::key).contains("INDEX_A").doesNotContain("INDEX_B").isSorted();
        assertThat(index.count()).isEqualTo(store.all().size());
    }

    /** What one racer got: the stored version or the exception. */
    private record Outcome(Stored<Setting> stored, RuntimeException error) {
    }

    private interface Attempt {
        Stored<Setting> run(int racer);
    }

    /** Runs the attempts on as many threads, released together. */
    private static List<Outcome> race(int racers, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                Callable<Outcome> task = () -> {
                    start.await();
                    try {
                        return new Outcome(attempt.run(racer), null);
                    } catch (RuntimeException e) {
                        return new Outcome(null, e);
                    }
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
