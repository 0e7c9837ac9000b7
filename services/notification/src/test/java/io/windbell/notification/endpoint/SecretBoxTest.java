package io.windbell.notification.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = "test-only-endpoint-secret-key-0123456789abcdef";
    private static final String SECRET = "whsec_" + "k".repeat(40);

    private final SecretBox box = new SecretBox(KEY);

    @Test
    void aSealedSecretOpensAgainAndShowsNothingOfItself() {
        String sealed = box.seal(SECRET);
        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("kkkk").doesNotContain("whsec");
        assertThat(box.open(sealed)).isEqualTo(SECRET);
        assertThat(box.seal(SECRET)).as("a fresh nonce every time").isNotEqualTo(sealed);
        assertThat(box.seal(null)).isNull();
        assertThat(box.open(null)).isNull();
    }

    @Test
    void anotherKeyOrAnAlteredValueDoesNotOpen() {
        String sealed = box.seal(SECRET);
        assertThatThrownBy(() -> new SecretBox(KEY + "-rotated").open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret-key");
        char last = sealed.charAt(sealed.length() - 1);
        String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretStoredBeforeSealingIsReadAsItIs() {
        assertThat(box.open(SECRET)).isEqualTo(SECRET);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new SecretBox("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 characters");
    }
}
