package io.windbell.notification.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The page's language choice and its policy, without Quarkus. */
class InboxPageTest {

    @Test
    void theQueryWinsThenTheBrowsersBestMatchThenChinese() {
        assertThat(InboxPage.language("en", "zh-CN,zh")).isEqualTo("en");
        assertThat(InboxPage.language("zh-CN", "en-US")).isEqualTo("zh-CN");
        assertThat(InboxPage.language(null, "en-US,en;q=0.9")).isEqualTo("en");
        assertThat(InboxPage.language("", "zh-TW,zh;q=0.9,en;q=0.8")).isEqualTo("zh-CN");
        // weights, not order, decide
        assertThat(InboxPage.language(null, "zh;q=0.2, en;q=0.9")).isEqualTo("en");
        assertThat(InboxPage.language("fr", "de-DE, en;q=0.5")).isEqualTo("en");
        assertThat(InboxPage.language("not a tag;;q=x", "fr")).isEqualTo("zh-CN");
        assertThat(InboxPage.language(null, null)).isEqualTo("zh-CN");
    }

    @Test
    void theSwitchOffersTheOtherLanguageInItsOwnName() {
        assertThat(new InboxPage(null, "en", "https://sso", "c").otherLang()).isEqualTo("zh-CN");
        assertThat(new InboxPage(null, "en", "https://sso", "c").otherLangName()).isEqualTo("中文");
        assertThat(new InboxPage(null, "zh-CN", "https://sso", "c").otherLangName()).isEqualTo("English");
    }

    @Test
    void thePolicyConnectsToItselfAndTheIssuersOriginOnly() {
        assertThat(InboxPage.contentSecurityPolicy("https://sso.bank.example/realms/windbell"))
                .contains("connect-src 'self' https://sso.bank.example;").contains("script-src 'self';")
                .contains("default-src 'none'").doesNotContain("unsafe");
        assertThat(InboxPage.origin("http://127.0.0.1:18080/realms/windbell")).isEqualTo("http://127.0.0.1:18080");
        assertThatThrownBy(() -> InboxPage.origin("/realms/windbell")).isInstanceOf(IllegalArgumentException.class);
    }
}
