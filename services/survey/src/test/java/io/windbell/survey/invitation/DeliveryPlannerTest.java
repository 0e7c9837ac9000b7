package io.windbell.survey.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.survey.budget.QuietHours;
import io.windbell.survey.preference.ContactPreference;
import io.windbell.survey.rule.SurveyRule.Expiry;

class DeliveryPlannerTest {

    final DeliveryPlanner planner = new DeliveryPlanner(new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)),
            ZoneId.of("Asia/Shanghai"), "zh-CN");
    static final Instant NOON_SHANGHAI = Instant.parse("2026-11-20T04:00:00Z");

    @Test
    void delayThenRelativeExpiryWithDefaults() {
        var plan = planner.plan(NOON_SHANGHAI, Duration.ofMinutes(10),
                new Expiry(Duration.ofDays(3), null, false, false), null, Optional.empty()).orElseThrow();
        assertThat(plan.sendAt()).isEqualTo(NOON_SHANGHAI.plus(Duration.ofMinutes(10)));
        assertThat(plan.expiresAt()).isEqualTo(plan.sendAt().plus(Duration.ofDays(3)));
        assertThat(plan.channel()).isEqualTo(DeliveryChannel.APP_PUSH);
        assertThat(plan.locale()).isEqualTo("zh-CN");
    }

    @Test
    void quietHoursOfTheCustomersZonePushDeliveryAndItsPreferencesApply() {
        var london = Optional.of(new ContactPreference("C1", false, "Europe/London", "en", DeliveryChannel.EMAIL,
                NOON_SHANGHAI, "test"));
        Instant lateInLondon = Instant.parse("2026-11-20T22:00:00Z");
        var plan = planner
                .plan(lateInLondon, Duration.ZERO, new Expiry(Duration.ofDays(1), null, false, false), null, london)
                .orElseThrow();
        assertThat(plan.sendAt()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(plan.channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(plan.locale()).isEqualTo("en");
        var ruleChannel = planner.plan(lateInLondon, Duration.ZERO, new Expiry(Duration.ofDays(1), null, false, false),
                DeliveryChannel.SMS, london).orElseThrow();
        assertThat(ruleChannel.channel()).isEqualTo(DeliveryChannel.SMS);
    }

    @Test
    void theEarlierOfRelativeAndAbsoluteExpiryWinsAndTooLateIsNoPlan() {
        Instant at = NOON_SHANGHAI.plus(Duration.ofHours(5));
        var plan = planner.plan(NOON_SHANGHAI, Duration.ZERO, new Expiry(Duration.ofDays(3), at, false, false), null,
                Optional.empty()).orElseThrow();
        assertThat(plan.expiresAt()).isEqualTo(at);
        assertThat(planner.plan(NOON_SHANGHAI, Duration.ofHours(6), new Expiry(null, at, false, false), null,
                Optional.empty())).isEmpty();
    }
}
