package io.windbell.notification.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotUrlsTest {

    @Test
    void theKeyIsMaskedToItsLastFourCharacters() {
        assertThat(RobotUrls.shown("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7c1d-4bc4-97a0-5aaa"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa");
        assertThat(RobotUrls.shown("https://robots.example.com/send?lang=zh&key=abcdefghijkl&debug=1#x"))
                .isEqualTo("https://robots.example.com/send?lang=zh&key=****ijkl&debug=1#x");
    }

    @Test
    void aShortKeyShowsNothingOfItselfAndOtherUrlsAreUnchanged() {
        assertThat(RobotUrls.shown("https://r.example.com/send?key=abc"))
                .isEqualTo("https://r.example.com/send?key=****");
        assertThat(RobotUrls.shown("https://crm.example.com/hooks/windbell?monkey=1"))
                .isEqualTo("https://crm.example.com/hooks/windbell?monkey=1");
        assertThat(RobotUrls.shown(null)).isNull();
    }

    @Test
    void aMaskedUrlIsRecognised() {
        assertThat(RobotUrls.masked(RobotUrls.shown("https://r.example.com/send?key=abcdefghijkl"))).isTrue();
        assertThat(RobotUrls.masked("https://r.example.com/send?key=abcdefghijkl")).isFalse();
        assertThat(RobotUrls.masked(null)).isFalse();
    }
}
