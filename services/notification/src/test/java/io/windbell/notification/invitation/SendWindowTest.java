package io.windbell.notification.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Send windows by hand: Asia/Shanghai is UTC+8 all year, so 08:00 there is 00:00Z and 21:00 is 13:00Z. */
class SendWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Optional<AllowedHours> SMS = Optional.of(AllowedHours.parse("08:00-21:00"));
    private static final Optional<AllowedHours> ANY_TIME = Optional.empty();

    @Test
    void withoutAllowedHoursItOpensWhenInvitedOrNowWhicheverIsLater() {
        Instant invited = Instant.parse("2025-11-18T12:41:30Z");
        Instant expires = Instant.parse("2025-11-21T12:41:30Z");

        assertThat(SendWindow.decide(invited, expires, Instant.parse("2025-11-18T12:00:00Z"), ANY_TIME, SHANGHAI))
                .isEqualTo(new SendWindow.Open(invited));
        assertThat(SendWindow.decide(invited, expires, Instant.parse("2025-11-18T23:30:00Z"), ANY_TIME, SHANGHAI))
                .as("consumed late, at 07:30 local: app push has no hours")
                .isEqualTo(new SendWindow.Open(Instant.parse("2025-11-18T23:30:00Z")));
    }

    @Test
    void insideTheAllowedHoursItOpensAtOnce() {
        // 20:41:30 in Shanghai
        Instant invited = Instant.parse("2025-11-18T12:41:30Z");
        assertThat(SendWindow.decide(invited, invited.plusSeconds(3600), invited, SMS, SHANGHAI))
                .isEqualTo(new SendWindow.Open(invited));
    }

    @Test
    void afterHoursItWaitsForTheNextMorning() {
        // 21:30 on the 18th in Shanghai -> 08:00 on the 19th = 00:00Z on the 19th
        Instant evening = Instant.parse("2025-11-18T13:30:00Z");
        assertThat(SendWindow.decide(evening, Instant.parse("2025-11-21T12:00:00Z"), evening, SMS, SHANGHAI))
                .isEqualTo(new SendWindow.Open(Instant.parse("2025-11-19T00:00:00Z")));
        // 06:00 on the 19th in Shanghai (22:00Z on the 18th) -> 08:00 the same local day
        Instant early = Instant.parse("2025-11-18T22:00:00Z");
        assertThat(SendWindow.decide(early, Instant.parse("2025-11-21T12:00:00Z"), early, SMS, SHANGHAI))
                .isEqualTo(new SendWindow.Open(Instant.parse("2025-11-19T00:00:00Z")));
    }

    @Test
    void theEndOfTheHoursIsExcluded() {
        Instant nine = Instant.parse("2025-11-18T13:00:00Z");
        assertThat(SendWindow.decide(nine, Instant.parse("2025-11-21T12:00:00Z"), nine, SMS, SHANGHAI))
                .isEqualTo(new SendWindow.Open(Instant.parse("2025-11-19T00:00:00Z")));
        Instant eight = Instant.parse("2025-11-19T00:00:00Z");
        assertThat(SendWindow.decide(eight, Instant.parse("2025-11-21T12:00:00Z"), eight, SMS, SHANGHAI))
                .isEqualTo(new SendWindow.Open(eight));
    }

    @Test
    void aWindowThatEndsBeforeItOpensIsClosed() {
        // invited 21:30, expires 23:30 the same night: the SMS hours open at 08:00, after the expiry
        Instant invited = Instant.parse("2025-11-18T13:30:00Z");
        Instant expires = Instant.parse("2025-11-18T15:30:00Z");
        assertThat(SendWindow.decide(invited, expires, invited, SMS, SHANGHAI)).isInstanceOf(SendWindow.Closed.class)
                .extracting(d -> ((SendWindow.Closed) d).reason()).asString().contains("08:00-21:00");
        // expiring exactly when the hours open is closed too: never sent at or after expiresAt
        assertThat(SendWindow.decide(invited, Instant.parse("2025-11-19T00:00:00Z"), invited, SMS, SHANGHAI))
                .isInstanceOf(SendWindow.Closed.class);
        // the same invitation through app push goes at once
        assertThat(SendWindow.decide(invited, expires, invited, ANY_TIME, SHANGHAI))
                .isEqualTo(new SendWindow.Open(invited));
    }

    @Test
    void anInvitationConsumedAfterItExpiredIsClosed() {
        Instant invited = Instant.parse("2025-11-18T02:00:00Z");
        Instant expires = Instant.parse("2025-11-18T03:00:00Z");
        assertThat(SendWindow.decide(invited, expires, expires, ANY_TIME, SHANGHAI))
                .isEqualTo(new SendWindow.Closed("expired before it could be sent"));
    }

    @Test
    void hoursMayWrapMidnight() {
        AllowedHours night = AllowedHours.parse("21:00-08:00");
        assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        // noon on the 18th in Shanghai -> 21:00 the same day = 13:00Z
        assertThat(night.nextOpening(Instant.parse("2025-11-18T04:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2025-11-18T13:00:00Z"));
    }

    @Test
    void allowedHoursMustRead() {
        assertThat(AllowedHours.parse(" 08:00 - 21:00 "))
                .isEqualTo(new AllowedHours(LocalTime.of(8, 0), LocalTime.of(21, 0)));
        assertThatThrownBy(() -> AllowedHours.parse("8-21")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedHours.parse("08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedHours.parse("08:00-08:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
