package io.windbell.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    @Test
    void overnightQuietHoursReleaseAtTheirEndTheNextMorning() {
        // 22:30 in Shanghai (UTC+8) is 14:30Z; 08:00 the next day is 00:00Z of the next day
        assertThat(NIGHT.release(Instant.parse("2025-03-04T14:30:00Z"))).isEqualTo("2025-03-05T00:00:00Z");
        // 21:00 sharp is inside
        assertThat(NIGHT.release(Instant.parse("2025-03-04T13:00:00Z"))).isEqualTo("2025-03-05T00:00:00Z");
    }

    @Test
    void afterMidnightTheyReleaseTheSameMorning() {
        // 03:15 in Shanghai is 19:15Z of the day before
        assertThat(NIGHT.release(Instant.parse("2025-03-04T19:15:00Z"))).isEqualTo("2025-03-05T00:00:00Z");
    }

    @Test
    void outsideThemAMessageGoesNow() {
        Instant noon = Instant.parse("2025-03-05T04:00:00Z");
        assertThat(NIGHT.release(noon)).isEqualTo(noon);
        // 08:00 sharp is the end: outside
        Instant eight = Instant.parse("2025-03-05T00:00:00Z");
        assertThat(NIGHT.release(eight)).isEqualTo(eight);
    }

    @Test
    void daytimeQuietHoursWork() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);
        // 12:45 in Shanghai = 04:45Z; end 13:30 = 05:30Z
        assertThat(lunch.release(Instant.parse("2025-03-05T04:45:00Z"))).isEqualTo("2025-03-05T05:30:00Z");
        Instant evening = Instant.parse("2025-03-05T12:00:00Z");
        assertThat(lunch.release(evening)).isEqualTo(evening);
    }

    @Test
    void theEndIsInTheEmployeesZoneAcrossADaylightSavingChange() {
        // Berlin switches to summer time on 2025-03-30 at 02:00; 23:00 on the 29th (CET, +1) is 22:00Z, and 07:00 on
        // the
        // 30th is already CEST (+2): 05:00Z
        QuietHours berlin = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Berlin"));
        assertThat(berlin.release(Instant.parse("2025-03-29T22:00:00Z"))).isEqualTo("2025-03-30T05:00:00Z");
    }

    @Test
    void quietHoursMustNotBeEmpty() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
