package io.windbell.config.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.windbell.config.ConfigTestSupport.Setting;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.ProblemException;

/** The read flows over an in-memory index: no database needed. */
class VersionedReadsTest {

    static Stored<Setting> v(String key, int version, boolean active, String value) {
        return new Stored<>(new Setting(key, value), key, version, active, Instant.EPOCH, "seed");
    }

    static final Versions<Setting> INDEX = Versions.of(List.of(v("B", 1, false, "b1"), v("B", 2, true, "b2"),
            v("A", 1, true, "a1"), v("C", 1, false, "c1"), v("C", 2, false, "c1"), v("D", 1, true, "d1")));

    final VersionedReads<Setting> reads = new VersionedReads<>("setting", "/v1/settings", () -> INDEX);

    static String document(Stored<Setting> stored) {
        return stored.key() + "@" + stored.version();
    }

    @Test
    void listPagesTheActiveVersionsByKey() {
        Page<String> first = reads.list(s -> true, null, 2, VersionedReadsTest::document);
        assertThat(first.items()).containsExactly("A@1", "B@2");
        Page<String> second = reads.list(s -> true, first.nextCursor(), 2, VersionedReadsTest::document);
        assertThat(second.items()).containsExactly("D@1");
        assertThat(second.nextCursor()).isNull();

        assertThat(reads.list(s -> s.value().startsWith("d"), null, null, VersionedReadsTest::document).items())
                .containsExactly("D@1");
    }

    @Test
    void activeAnswersTheVersionWithItsETagOr404SayingWhereARetiredOneStays() {
        try (Response active = reads.active("B", VersionedReadsTest::document)) {
            assertThat(active.getStatus()).isEqualTo(200);
            assertThat(active.getEntityTag().getValue()).isEqualTo("2");
            assertThat(active.getEntity()).isEqualTo("B@2");
        }
        assertThatThrownBy(() -> reads.active("C", VersionedReadsTest::document))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(404);
                    assertThat(e.problem().detail()).isEqualTo(
                            "setting C is retired; its versions stay readable under /v1/settings/C/versions");
                });
        assertThatThrownBy(() -> reads.active("Z", VersionedReadsTest::document)).isInstanceOfSatisfying(
                ProblemException.class, e -> assertThat(e.problem().detail()).isEqualTo("setting Z does not exist"));
    }

    @Test
    void versionsPagesEveryVersionOldestFirst() {
        Page<String> first = reads.versions("C", null, 1, VersionedReadsTest::document);
        assertThat(first.items()).containsExactly("C@1");
        assertThat(reads.versions("C", first.nextCursor(), 1, VersionedReadsTest::document).items())
                .containsExactly("C@2");
        assertThatThrownBy(() -> reads.versions("Z", null, null, VersionedReadsTest::document))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    }

    @Test
    void versionFindsAnyVersionOr404() {
        assertThat(reads.version("B", 1).value().value()).isEqualTo("b1");
        try (Response tagged = VersionedReads.tagged(reads.version("C", 2), VersionedReadsTest::document)) {
            assertThat(tagged.getEntityTag().getValue()).isEqualTo("2");
        }
        assertThatThrownBy(() -> reads.version("B", 3)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().detail()).isEqualTo("setting B version 3 does not exist"));
    }
}
