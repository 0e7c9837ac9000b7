package io.windbell.notification.page;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;

/**
 * The staff inbox page ({@code GET /inbox}): a public shell in Chinese or English. It holds no personal data; its
 * script logs the employee in (authorization code + PKCE, ADR 0028) and reads the inbox API with the token, live
 * through the stream. Not in the OpenAPI document: it is a page, not an API.
 */
@Path("/inbox")
@PermitAll
public class InboxPageResource {

    private final InboxPageConfig config;
    private final InboxPageMessages zh;
    private final InboxPageMessages en;
    private final String contentSecurityPolicy;

    InboxPageResource(InboxPageConfig config, InboxPageMessages zh, @Localized("en") InboxPageMessages en) {
        this.config = config;
        this.zh = zh;
        this.en = en;
        this.contentSecurityPolicy = InboxPage.contentSecurityPolicy(config.issuer());
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(InboxPage page);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        String locale = InboxPage.language(lang, acceptLanguage);
        InboxPage page = new InboxPage(locale.equals("en") ? en : zh, locale, config.issuer(), config.clientId());
        // the URL may carry the login's one-time code: no referrer, no cache
        return Response.ok(Templates.page(page), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", contentSecurityPolicy).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Vary", "Accept-Language").build();
    }
}
