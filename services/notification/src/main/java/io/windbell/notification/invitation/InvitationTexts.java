package io.windbell.notification.invitation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Engine;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;

/**
 * Renders an invitation's message in its language ({@code templates/invitation/<zh-CN|en>/…}) when it is enqueued. The
 * link is not known then (survey hands it out only to the sender, ADR 0013): the text holds {@link #LINK} in its place,
 * and the stored content never holds a credential.
 */
@ApplicationScoped
public class InvitationTexts {

    /** Where the link goes in a stored text; {@link #withLink} puts it there at send time. */
    public static final String LINK = "${link}";

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final Engine engine;
    private final ZoneId zone;
    private final String defaultLocale;

    public InvitationTexts(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.zone = config.timeZone();
        this.defaultLocale = config.defaultLocale();
    }

    /** The content of {@code invitation} for an adapter of {@code channel}. */
    public Content render(SurveyInvited invitation, Channel channel) {
        String locale = localeOf(invitation.locale());
        String expires = (locale.equals("en") ? EN : ZH).format(invitation.expiresAt().atZone(zone));
        ObjectNode json = EventJson.mapper().createObjectNode()
                .put("invitationId", invitation.invitationId().toString()).put("surveyCode", invitation.surveyCode())
                .put("channel", invitation.channel().name()).put("locale", locale);
        if (channel == Channel.APP_PUSH) {
            return new Content(locale, text(locale, "push-title", expires), text(locale, "push-body", expires), null,
                    null, json);
        }
        return new Content(locale, null, text(locale, "sms", expires), null, null, json);
    }

    /** {@code text} with {@code link} in place of {@link #LINK}. */
    public static String withLink(String text, String link) {
        return text == null ? null : text.replace(LINK, link);
    }

    /** {@code en} for any English tag, {@code zh-CN} for any Chinese one, else {@code null}. */
    static String knownLocale(String requested) {
        String tag = requested == null ? "" : requested.toLowerCase(Locale.ROOT);
        if (tag.startsWith("en")) {
            return "en";
        }
        if (tag.startsWith("zh")) {
            return "zh-CN";
        }
        return null;
    }

    private String text(String locale, String part, String expires) {
        return engine.getTemplate("invitation/" + locale + "/" + part).data("link", LINK).data("expires", expires)
                .render().strip();
    }

    private String localeOf(String requested) {
        String known = knownLocale(requested);
        if (known != null) {
            return known;
        }
        return "en".equals(knownLocale(defaultLocale)) ? "en" : "zh-CN";
    }
}
