package io.windbell.survey.invitation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.budget.QuietHours;
import io.windbell.survey.preference.ContactPreference;
import io.windbell.survey.rule.SurveyRule;

/** When, where and in which language an invitation is delivered, and when it expires. */
@ApplicationScoped
public class DeliveryPlanner {

    private final QuietHours quietHours;
    private final ZoneId defaultZone;
    private final String defaultLocale;

    @Inject
    public DeliveryPlanner(SurveyConfig config) {
        this(new QuietHours(config.budget().quietHours().start(), config.budget().quietHours().end()),
                ZoneId.of(config.budget().defaultTimeZone()), config.budget().defaultLocale());
    }

    public DeliveryPlanner(QuietHours quietHours, ZoneId defaultZone, String defaultLocale) {
        this.quietHours = quietHours;
        this.defaultZone = defaultZone;
        this.defaultLocale = defaultLocale;
    }

    /**
     * The plan for an invitation decided at {@code now}: delivered after {@code delay}, pushed past the customer's
     * quiet hours; expiring {@code expiry.after()} after delivery or at {@code expiry.at()}, whichever is earlier.
     * Empty when it would expire before it could be delivered.
     */
    public Optional<Plan> plan(Instant now, Duration delay, SurveyRule.Expiry expiry, DeliveryChannel ruleChannel,
            Optional<ContactPreference> preference) {
        Instant sendAt = quietHours.nextAllowed(now.plus(delay), zone(preference));
        Instant expiresAt = expiry.after() == null ? expiry.at() : sendAt.plus(expiry.after());
        if (expiry.at() != null && expiry.at().isBefore(expiresAt)) {
            expiresAt = expiry.at();
        }
        if (!expiresAt.isAfter(sendAt)) {
            return Optional.empty();
        }
        DeliveryChannel channel = ruleChannel != null ? ruleChannel
                : preference.map(ContactPreference::channel).orElse(DeliveryChannel.APP_PUSH);
        if (channel == null) {
            channel = DeliveryChannel.APP_PUSH;
        }
        String locale = preference.map(ContactPreference::locale).orElse(defaultLocale);
        return Optional.of(new Plan(sendAt, expiresAt, channel, locale == null ? defaultLocale : locale));
    }

    private ZoneId zone(Optional<ContactPreference> preference) {
        String zone = preference.map(ContactPreference::timeZone).orElse(null);
        if (zone == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }

    /** When and how an invitation goes out. */
    public record Plan(Instant sendAt, Instant expiresAt, DeliveryChannel channel, String locale) {
    }
}
