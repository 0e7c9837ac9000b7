package io.windbell.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathGlobTest {

    @Test
    void aSingleStarIsExactlyOneSegment() {
        PathGlob glob = PathGlob.of("/v1/employees/*/stream");
        assertThat(glob.matches("/v1/employees/me/stream")).isTrue();
        assertThat(glob.matches("/v1/employees/E0001/stream")).isTrue();
        assertThat(glob.matches("/v1/employees//stream")).isFalse();
        assertThat(glob.matches("/v1/employees/a/b/stream")).isFalse();
        assertThat(glob.matches("/v1/employees/me/stream/more")).isFalse();
        assertThat(glob.matches("/v1/employees/me/stream-tickets")).isFalse();
    }

    @Test
    void aTrailingDoubleStarIsThePathItselfOrAnythingBelowIt() {
        PathGlob glob = PathGlob.of("/inbox/**");
        assertThat(glob.matches("/inbox")).isTrue();
        assertThat(glob.matches("/inbox/app.js")).isTrue();
        assertThat(glob.matches("/inbox/a/b")).isTrue();
        assertThat(glob.matches("/inboxes")).isFalse();
    }

    @Test
    void everythingElseIsLiteral() {
        PathGlob glob = PathGlob.of("/q/openapi");
        assertThat(glob.matches("/q/openapi")).isTrue();
        assertThat(glob.matches("/q/openapiX")).isFalse();
        assertThat(PathGlob.of("/a.b").matches("/aXb")).isFalse();
    }

    @Test
    void aPatternStartsWithASlash() {
        assertThatThrownBy(() -> PathGlob.of("inbox/**")).isInstanceOf(IllegalArgumentException.class);
    }
}
