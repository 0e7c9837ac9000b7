package io.windbell.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.windbell.platform.logging.Mask;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.problem.ProblemException;

class CursorAndMaskTest {

    @Test
    void cursorRoundTripsItsKeyParts() {
        String cursor = Cursor.encode("2026-11-22T08:00:00Z", "42");
        assertThat(Cursor.decode(cursor, 2)).containsExactly("2026-11-22T08:00:00Z", "42");
    }

    @Test
    void foreignCursorIsAFieldLevelError() {
        assertThatThrownBy(() -> Cursor.decode("not base64 !", 2)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("cursor")));
        assertThatThrownBy(() -> Cursor.decode(Cursor.encode("only-one"), 2)).isInstanceOf(ProblemException.class);
    }

    @Test
    void limitIsDefaultedAndBounded() {
        assertThat(Cursor.limit(null)).isEqualTo(Cursor.DEFAULT_LIMIT);
        assertThat(Cursor.limit(10)).isEqualTo(10);
        assertThatThrownBy(() -> Cursor.limit(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.limit(Cursor.MAX_LIMIT + 1)).isInstanceOf(ProblemException.class);
    }

    @Test
    void customerIdsAreMasked() {
        assertThat(Mask.id("C000123456")).isEqualTo("C0******56").doesNotContain("0123");
        assertThat(Mask.id("abc")).isEqualTo("***");
        assertThat(Mask.id(null)).isEqualTo("***");
    }
}
