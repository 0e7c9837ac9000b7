package io.windbell.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rendered message as stored with its delivery ({@code delivery.content}, JSON); each channel reads the parts it uses
 * and ignores the rest.
 *
 * @param subject
 *            an e-mail's subject, a push notification's title
 * @param text
 *            the plain-text body (e-mail text part, SMS, push body)
 * @param html
 *            the e-mail's HTML part
 * @param markdown
 *            the WeCom robot's markdown
 * @param json
 *            a webhook's body (the event as the receiver sees it), or the adapter's data (an invitation's ids)
 */
public record Content(String locale, String subject, String text, String html, String markdown, JsonNode json) {
}
