package io.windbell.survey.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    @Test
    void outsideTheQuietHoursNothingMoves() {
        Instant noon = Instant.parse("2026-11-20T04:00:00Z"); // 12:00 in Shanghai
        assertThat(night.nextAllowed(noon, SHANGHAI)).isEqualTo(noon);
    }

    @Test
    void lateEveningWaitsForTheNextMorning() {
        Instant evening = Instant.parse("2026-11-20T14:30:00Z"); // 22:30 in Shanghai
        assertThat(night.nextAllowed(evening, SHANGHAI)).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
    }

    @Test
    void earlyMorningWaitsUntilTheEndTheSameDay() {
        Instant early = Instant.parse("2026-11-20T22:00:00Z"); // 06:00 on the 21st in Shanghai
        assertThat(night.nextAllowed(early, SHANGHAI)).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
    }

    @Test
    void theCustomersZoneDecides() {
        Instant instant = Instant.parse("2026-11-20T14:30:00Z"); // 22:30 Shanghai, 14:30 London
        assertThat(night.nextAllowed(instant, ZoneId.of("Europe/London"))).isEqualTo(instant);
    }

    @Test
    void aWindowWithinOneDayAndNoWindowAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.nextAllowed(Instant.parse("2026-11-20T13:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-11-20T14:00:00Z"));
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        Instant any = Instant.parse("2026-11-20T15:00:00Z");
        assertThat(none.nextAllowed(any, SHANGHAI)).isEqualTo(any);
    }
}
