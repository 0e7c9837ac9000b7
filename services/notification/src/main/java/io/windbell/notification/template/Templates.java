package io.windbell.notification.template;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Renders notification messages from the Qute templates under {@code templates/notification/}. A work-order event type
 * has its own words only ({@code <type>/<locale>.txt}: the fragments {@code headline} and {@code lead}), set in the
 * shared work-order message ({@code workorder.<locale>.txt} with the plain parts as fragments — {@code inboxTitle},
 * {@code inboxBody}, {@code subject}, {@code text}, {@code markdown} — and {@code workorder.<locale>.html}, the
 * e-mail's HTML part, escaped because a title may contain {@code <}). The digest and the reminder have whole templates
 * of their own ({@code digest/<locale>.txt|html}, {@code reminder/…}). The model is named {@code m}.
 */
@ApplicationScoped
public class Templates {

    /** The kind of a digest e-mail. */
    public static final String DIGEST = "digest";
    /** The kind of a re-notification. */
    public static final String REMINDER = "reminder";

    private final Engine engine;

    public Templates(Engine engine) {
        this.engine = engine;
    }

    /**
     * Renders every part {@code kind} (an event type, {@link #DIGEST} or {@link #REMINDER}) defines in {@code locale};
     * a kind or locale without templates is a programming error.
     */
    public Parts render(String kind, String locale, Object model) {
        if (!Locales.SUPPORTED.contains(locale)) {
            throw new IllegalArgumentException("no templates in " + locale);
        }
        Template own = template("notification/" + kind + "/" + locale + ".txt");
        Map<String, Object> data;
        Template plain;
        Template html;
        Template headline = own.getFragment("headline");
        if (headline == null) {
            data = Map.of("m", model);
            plain = own;
            html = engine.getTemplate("notification/" + kind + "/" + locale + ".html");
        } else {
            data = Map.of("m", model, "headline", render(headline, Map.of("m", model)), "lead",
                    render(own.getFragment("lead"), Map.of("m", model)));
            plain = template("notification/workorder." + locale + ".txt");
            html = engine.getTemplate("notification/workorder." + locale + ".html");
        }
        return new Parts(part(plain, "inboxTitle", data), part(plain, "inboxBody", data), part(plain, "subject", data),
                part(plain, "text", data), html == null ? null : render(html, data), part(plain, "markdown", data));
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalArgumentException("no template " + id);
        }
        return template;
    }

    private static String part(Template template, String id, Map<String, Object> data) {
        Template fragment = template.getFragment(id);
        return fragment == null ? null : render(fragment, data);
    }

    private static String render(Template template, Map<String, Object> data) {
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render().strip();
    }
}
