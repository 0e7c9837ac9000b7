package io.windbell.survey.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class LinkTokensTest {

    final LinkTokens tokens = new LinkTokens("a-key-for-this-test-only");

    @Test
    void aTokenNamesItsInvitationAndMatchesOnlyItsOwnNonce() {
        UUID invitation = UUID.randomUUID();
        LinkTokens.Issued issued = tokens.issue(invitation);
        assertThat(issued.token()).matches("[A-Za-z0-9_-]{64}");
        LinkTokens.Claim claim = tokens.verify(issued.token()).orElseThrow();
        assertThat(claim.invitationId()).isEqualTo(invitation);
        assertThat(LinkTokens.matches(claim, issued.nonceHash())).isTrue();
        assertThat(LinkTokens.matches(claim, tokens.issue(UUID.randomUUID()).nonceHash())).isFalse();
        assertThat(LinkTokens.matches(claim, null)).isFalse();
    }

    @Test
    void theSameInvitationGetsTheSameLinkAgainButOnlyUnderTheSameKey() {
        // the link is not stored and not on the bus: survey must give the deliverer the very token it stored the hash
        // of
        UUID invitation = UUID.randomUUID();
        LinkTokens.Issued first = tokens.issue(invitation);
        LinkTokens.Issued again = tokens.issue(invitation);
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.nonceHash()).isEqualTo(first.nonceHash());
        LinkTokens otherKey = new LinkTokens("another-key-entirely-000");
        assertThat(otherKey.issue(invitation).token()).isNotEqualTo(first.token());
        assertThat(tokens.issue(UUID.randomUUID()).token().substring(22)).isNotEqualTo(first.token().substring(22));
    }

    @Test
    void forgedAlteredOrMalformedTokensAreRejected() {
        String token = tokens.issue(UUID.randomUUID()).token();
        char flipped = token.charAt(10) == 'A' ? 'B' : 'A';
        assertThat(tokens.verify(token.substring(0, 10) + flipped + token.substring(11))).isEmpty();
        assertThat(new LinkTokens("another-key-entirely-000").verify(token)).isEmpty();
        assertThat(tokens.verify(token.substring(1))).isEmpty();
        assertThat(tokens.verify("*".repeat(64))).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new LinkTokens("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
