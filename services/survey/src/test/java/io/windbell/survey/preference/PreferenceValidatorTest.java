package io.windbell.survey.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.platform.problem.Violation;

class PreferenceValidatorTest {

    static ContactPreference preference(String customerId, String zone, String locale) {
        return new ContactPreference(customerId, false, zone, locale, DeliveryChannel.WECHAT, Instant.now(), "test");
    }

    @Test
    void validPreferencesPass() {
        assertThat(PreferenceValidator.validate(preference("C00000001", "Asia/Shanghai", "zh-CN"))).isEmpty();
        assertThat(PreferenceValidator.validate(preference("C00000001", "Europe/London", "en"))).isEmpty();
        assertThat(PreferenceValidator.validate(preference("C00000001", null, null))).isEmpty();
    }

    @Test
    void onlyIanaZonesAndOfferedLocalesAreAccepted() {
        assertThat(PreferenceValidator.validate(preference("C00000001", "Mars/Olympus", "en")))
                .extracting(Violation::field).containsExactly("timeZone");
        // an offset is a valid ZoneId but not an IANA zone: it knows no daylight saving rules
        assertThat(PreferenceValidator.validate(preference("C00000001", "+08:00", "en"))).extracting(Violation::field)
                .containsExactly("timeZone");
        assertThat(PreferenceValidator.validate(preference("C00000001", "Asia/Shanghai", "fr")))
                .extracting(Violation::field).containsExactly("locale");
        assertThat(PreferenceValidator.validate(preference("C 1/2", "Asia/Shanghai", "zh-CN")))
                .extracting(Violation::field).containsExactly("customerId");
        // the same rule as ingest's (Identifiers): no e-mail-like ids
        assertThat(PreferenceValidator.validate(preference("zhang.wei@example.com", null, null)))
                .extracting(Violation::field).containsExactly("customerId");
    }
}
